using System.Text.Json;

namespace Serverless.WebApp.Constructs.Compliance;

/// <summary>Decides whether one resolved IAM statement allows a wildcard action; pure, so it is tested without CDK.</summary>
internal static class WildcardActionRule
{
    /// <summary>Returns why the statement is rejected, or null when it names its actions.</summary>
    public static string? Check(JsonElement statement, bool rejectPartialWildcards)
    {
        var effect = statement.TryGetProperty("Effect", out var e) ? e.GetString() : "Allow";
        if (!string.Equals(effect, "Allow", StringComparison.Ordinal)) return null;

        if (statement.TryGetProperty("NotAction", out _))
            return "allows every action except those in NotAction";

        if (!statement.TryGetProperty("Action", out var actions)) return null;
        foreach (var action in Strings(actions))
        {
            var reason = Classify(action, rejectPartialWildcards);
            if (reason is not null) return $"allows action '{action}' ({reason})";
        }
        return null;
    }

    /// <summary>Null when the action is acceptable, else what kind of wildcard it is.</summary>
    public static string? Classify(string action, bool rejectPartialWildcards)
    {
        var colon = action.IndexOf(':');
        if (colon < 0) return action.Contains('*') || action.Contains('?') ? "every action of every service" : null;

        var service = action[..colon];
        var name = action[(colon + 1)..];
        if (service.Contains('*') || service.Contains('?')) return "a wildcard service";
        if (name.Length == 0 || name.All(c => c is '*' or '?')) return $"every action of service '{service}'";
        if (rejectPartialWildcards && (name.Contains('*') || name.Contains('?'))) return "a partial wildcard";
        return null;
    }

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };
}
