using System.Text.Json;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Configuration;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Secrets;

/// <summary>
/// Fetches the secrets with <c>GetParameters</c> (decrypted, up to ten names a call, all calls at once) and serves them as
/// configuration. A value that is a JSON object (as Secrets Manager stores database credentials) is also flattened into
/// child keys: <c>Db</c> = <c>{"password": "…"}</c> gives <c>Db:password</c>. Values appear in no message and no log.
/// </summary>
internal sealed class ServerlessWebAppSecretsProvider : ConfigurationProvider, IDisposable
{
    private readonly IReadOnlyDictionary<string, string> _secrets;
    private readonly ServerlessWebAppSecretsSource _source;
    private IAmazonSimpleSystemsManagement? _client;
    private ITimer? _refresh;
    private int _refreshing;

    public ServerlessWebAppSecretsProvider(IReadOnlyDictionary<string, string> secrets, ServerlessWebAppSecretsSource source)
    {
        _secrets = secrets;
        _source = source;
    }

    /// <exception cref="InvalidOperationException">A parameter is missing, not readable, or Parameter Store failed.</exception>
    public override void Load()
    {
        if (_secrets.Count == 0) return;
        Data = Task.Run(FetchAsync).GetAwaiter().GetResult();
        if (_source.RefreshInterval is { } interval && _refresh is null)
        {
            _refresh = _source.TimeProvider.CreateTimer(_ => _ = RefreshAsync(), null, interval, interval);
        }
    }

    public void Dispose()
    {
        _refresh?.Dispose();
        _client?.Dispose();
    }

    private async Task RefreshAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        try
        {
            var data = await FetchAsync().ConfigureAwait(false);
            if (data.Count != Data.Count || data.Any(p => !Data.TryGetValue(p.Key, out var old) || old != p.Value))
            {
                Data = data;
                OnReload();
            }
        }
        catch (Exception ex)
        {
            _source.OnRefreshError?.Invoke(ex);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task<Dictionary<string, string?>> FetchAsync()
    {
        _client ??= _source.ClientFactory();
        var names = _secrets.Values.Distinct(StringComparer.Ordinal).ToArray();
        GetParametersResponse[] responses;
        try
        {
            responses = await Task.WhenAll(names.Chunk(SwaSecrets.MaxNamesPerCall).Select(chunk =>
                _client.GetParametersAsync(new GetParametersRequest { Names = [.. chunk], WithDecryption = true }))).ConfigureAwait(false);
        }
        catch (AmazonSimpleSystemsManagementException ex)
        {
            throw new InvalidOperationException(
                $"Reading the secrets {Describe(_secrets.Keys)} from Parameter Store failed: {ex.ErrorCode}: {ex.Message}", ex);
        }

        var values = responses.SelectMany(r => r.Parameters ?? []).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var missing = _secrets.Where(s => !values.ContainsKey(s.Value)).Select(s => $"{s.Key} ({s.Value})").ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"Secrets not found in Parameter Store (or not readable with this function's role): {string.Join(", ", missing)}.");
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, name) in _secrets)
        {
            var value = values[name];
            data[key] = value;
            if (value.AsSpan().TrimStart().StartsWith("{")) Flatten(data, key, value);
        }
        return data;
    }

    private static void Flatten(Dictionary<string, string?> data, string key, string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            Add(data, key, document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON after all: the value stays whole under its key.
        }
    }

    private static void Add(Dictionary<string, string?> data, string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Add(data, ConfigurationPath.Combine(prefix, property.Name), property.Value);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Add(data, ConfigurationPath.Combine(prefix, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture)), item);
                break;
            case JsonValueKind.String:
                data[prefix] = element.GetString();
                break;
            case JsonValueKind.Null:
                data[prefix] = null;
                break;
            default:
                data[prefix] = element.GetRawText();
                break;
        }
    }

    private static string Describe(IEnumerable<string> keys) => string.Join(", ", keys.Order(StringComparer.OrdinalIgnoreCase));
}
