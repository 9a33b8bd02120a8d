using System.Text;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Splits the path a client requested into <c>PathBase</c> (stage, custom-domain base path mapping) and the path the
/// API route matched, by rebuilding the route from its template and path parameters (<c>/items/{id}</c> + id=5,
/// <c>/{proxy+}</c> + proxy=a/b) and taking whatever precedes it as the base.
/// </summary>
internal static class RoutePaths
{
    public static bool TrySplit(string fullPath, string? routeTemplate, JsonElement pathParameters, out string pathBase, out string path)
    {
        var route = Expand(routeTemplate, pathParameters);
        path = route ?? fullPath;
        pathBase = string.Empty;
        return route is not null && TrySplitSuffix(fullPath, route, out pathBase);
    }

    /// <summary>Takes <paramref name="path"/> off the end of <paramref name="fullPath"/>: "/stage/a/b" − "/a/b" → "/stage".</summary>
    public static bool TrySplitSuffix(string fullPath, string path, out string pathBase)
    {
        pathBase = string.Empty;
        if (fullPath.Equals(path, StringComparison.Ordinal)) return true;
        if (path.Length == 0) return false;
        if (path == "/")
        {
            // The root of a stage or base path: "/prod/" (or "/prod") − "/" → "/prod".
            var trimmed = fullPath.TrimEnd('/');
            if (trimmed.Length == 0) return false;
            pathBase = trimmed;
            return true;
        }
        if (fullPath.Length > path.Length && fullPath.EndsWith(path, StringComparison.Ordinal)
            && fullPath[fullPath.Length - path.Length - 1] != '/' && fullPath[0] == '/')
        {
            pathBase = fullPath[..^path.Length];
            return true;
        }
        return false;
    }

    /// <summary>Takes <paramref name="prefix"/> (e.g. "/dev") off the front of <paramref name="fullPath"/> when present.</summary>
    public static (string PathBase, string Path) SplitPrefix(string fullPath, string prefix)
    {
        if (fullPath.Length == prefix.Length && fullPath.Equals(prefix, StringComparison.Ordinal)) return (prefix, "/");
        if (fullPath.Length > prefix.Length && fullPath.StartsWith(prefix, StringComparison.Ordinal) && fullPath[prefix.Length] == '/')
        {
            return (prefix, fullPath[prefix.Length..]);
        }
        return (string.Empty, fullPath);
    }

    internal static string? Expand(string? template, JsonElement pathParameters)
    {
        if (string.IsNullOrEmpty(template) || template[0] != '/') return null;
        if (!template.Contains('{')) return template;

        var builder = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }
            var close = template.IndexOf('}', open);
            if (close < 0) return null;
            builder.Append(template, position, open - position);
            var name = template.AsSpan(open + 1, close - open - 1).TrimEnd('+');
            if (pathParameters.ValueKind != JsonValueKind.Object
                || !pathParameters.TryGetProperty(name, out var value)
                || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            builder.Append(value.GetString());
            position = close + 1;
        }
        return builder.ToString();
    }
}
