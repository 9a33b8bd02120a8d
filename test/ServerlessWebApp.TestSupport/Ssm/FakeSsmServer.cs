using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Serverless.WebApp.TestSupport.Ssm;

/// <summary>
/// A Parameter Store endpoint on 127.0.0.1 speaking the JSON protocol AWSSDK.SimpleSystemsManagement uses
/// (<c>X-Amz-Target: AmazonSSM.GetParameters</c>, <c>application/x-amz-json-1.1</c>), as the service documents it: at
/// most ten names a call, unknown names listed in <c>InvalidParameters</c>, Secrets Manager references under
/// <c>/aws/reference/secretsmanager/</c> answered only with <c>WithDecryption</c>. Signatures are not checked.
/// </summary>
public sealed class FakeSsmServer : IAsyncDisposable
{
    private const string SecretsManagerPrefix = "/aws/reference/secretsmanager/";

    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, string> _parameters = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IReadOnlyList<string>> _calls = new();

    /// <summary>The endpoint to use as the SDK's <c>ServiceURL</c> (or <c>AWS_ENDPOINT_URL_SSM</c>).</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The names asked for in each <c>GetParameters</c> call, in order.</summary>
    public IReadOnlyCollection<IReadOnlyList<string>> Calls => _calls;

    /// <summary>When set, every call fails with this error code (e.g. <c>AccessDeniedException</c>).</summary>
    public string? FailWith { get; set; }

    public static async Task<FakeSsmServer> StartAsync()
    {
        var server = new FakeSsmServer();
        (server._app, server.ServiceUrl) = await LoopbackEndpoint.StartAsync(server.HandleAsync).ConfigureAwait(false);
        return server;
    }

    /// <summary>Stores (or replaces) a parameter, as <c>PutParameter</c> would.</summary>
    public void PutParameter(string name, string value) => _parameters[name] = value;

    /// <summary>Stores a Secrets Manager secret, readable through Parameter Store's reference path.</summary>
    public void PutSecret(string secretName, string value) => _parameters[SecretsManagerPrefix + secretName] = value;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Headers["X-Amz-Target"] != "AmazonSSM.GetParameters")
        {
            await WriteErrorAsync(context, "InvalidAction", "The fake answers AmazonSSM.GetParameters only.").ConfigureAwait(false);
            return;
        }
        var request = (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))!.AsObject();
        var names = request["Names"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        var decrypt = request["WithDecryption"]?.GetValue<bool>() ?? false;
        _calls.Enqueue(names);
        if (FailWith is { } code)
        {
            await WriteErrorAsync(context, code, "User is not authorized to perform: ssm:GetParameters").ConfigureAwait(false);
            return;
        }
        if (names.Length is < 1 or > 10)
        {
            await WriteErrorAsync(context, "ValidationException", "Names must hold 1 to 10 names.").ConfigureAwait(false);
            return;
        }
        if (!decrypt && names.Any(n => n.StartsWith(SecretsManagerPrefix, StringComparison.Ordinal)))
        {
            await WriteErrorAsync(context, "ValidationException",
                "WithDecryption flag must be True for retrieving a Secret Manager secret.").ConfigureAwait(false);
            return;
        }

        var parameters = new JsonArray();
        var invalid = new JsonArray();
        foreach (var name in names)
        {
            if (_parameters.TryGetValue(name, out var value))
            {
                parameters.Add(new JsonObject
                {
                    ["Name"] = name,
                    ["Type"] = "SecureString",
                    ["Value"] = value,
                    ["Version"] = 1,
                    ["ARN"] = $"arn:aws:ssm:us-east-1:000000000000:parameter{(name.StartsWith('/') ? "" : "/")}{name}",
                    ["DataType"] = "text",
                });
            }
            else
            {
                invalid.Add(name);
            }
        }
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(new JsonObject { ["Parameters"] = parameters, ["InvalidParameters"] = invalid }.ToJsonString())
            .ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpContext context, string code, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync(new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString()).ConfigureAwait(false);
    }
}
