using System.Text.RegularExpressions;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Secrets;

/// <summary>Reads <c>SWA_SECRETS</c>: comma-separated <c>key=parameter</c> pairs, a configuration key and the Parameter Store name it is read from.</summary>
internal static partial class SecretEntries
{
    /// <exception cref="InvalidOperationException">An entry is not <c>key=parameter</c>, or a key appears twice.</exception>
    public static Dictionary<string, string> Parse(string? variable)
    {
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (variable ?? "").Split(SwaNames.EntrySeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = entry.IndexOf(SwaNames.NameValueSeparator);
            var key = separator > 0 ? entry[..separator].Trim() : "";
            var parameter = separator > 0 ? entry[(separator + 1)..].Trim() : "";
            if (!KeyPattern().IsMatch(key) || parameter.Length == 0)
            {
                throw new InvalidOperationException(
                    $"{SwaEnvironment.Secrets} entry '{entry}' is invalid: expected key=parameter, the key a configuration key such as " +
                    "Db:Password and the parameter a Parameter Store name.");
            }
            if (!entries.TryAdd(key, parameter))
            {
                throw new InvalidOperationException($"{SwaEnvironment.Secrets} names the configuration key '{key}' twice.");
            }
        }
        return entries;
    }

    [GeneratedRegex(SwaNames.ConfigurationKeyPattern)]
    private static partial Regex KeyPattern();
}
