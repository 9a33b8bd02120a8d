using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// A route of <c>Routes</c> parsed from <c>METHOD /path</c>: the method (or <c>ANY</c>) and the path's segments, each a
/// literal, a <c>{name}</c> parameter or, last, a greedy <c>{name+}</c>, as HTTP and REST APIs write them.
/// </summary>
internal sealed partial record RouteKey(string Method, IReadOnlyList<string> Segments)
{
    public const string Any = "ANY";
    public const string Options = "OPTIONS";
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", Options];

    public string Path => "/" + string.Join('/', Segments);

    /// <summary>The path with parameter names left out: two routes with the same shape match the same requests.</summary>
    public string Shape => "/" + string.Join('/', Segments.Select(s => IsParameter(s) ? (s.EndsWith("+}", StringComparison.Ordinal) ? "{+}" : "{}") : s));

    public bool IsAny => Method == Any;

    /// <summary>Whether both routes match some request: the same shape and a method in common.</summary>
    public bool Overlaps(RouteKey other) => Shape == other.Shape && (IsAny || other.IsAny || Method == other.Method);

    public override string ToString() => $"{Method} {Path}";

    public static bool IsParameter(string segment) => segment.StartsWith('{');

    /// <summary>Parses <paramref name="text"/>, or says what is wrong with it.</summary>
    public static RouteKey? Parse(string? text, out string? problem)
    {
        problem = null;
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            problem = $"'{text}' is not 'METHOD /path'; allowed: e.g. 'GET /health' or 'ANY /webhooks/{{proxy+}}'";
            return null;
        }
        var method = parts[0];
        if (method != Any && !Methods.Contains(method))
        {
            problem = $"'{text}' has method '{method}'; allowed: {string.Join(", ", Methods)} or {Any} (upper case)";
            return null;
        }
        var path = parts[1];
        if (path == "/") return new RouteKey(method, []);
        if (!path.StartsWith('/') || path.EndsWith('/'))
        {
            problem = $"'{text}' has path '{path}'; allowed: '/' or a path that starts with '/' and does not end with one";
            return null;
        }
        var segments = path[1..].Split('/');
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var parameter = Parameter().Match(segment);
            if (parameter.Success)
            {
                if (parameter.Groups[2].Success && i != segments.Length - 1)
                    problem = $"'{text}' has the greedy '{segment}' before the end; allowed: a greedy {{name+}} only as the last segment";
                else if (!names.Add(parameter.Groups[1].Value))
                    problem = $"'{text}' names the parameter '{parameter.Groups[1].Value}' twice; allowed: each name once";
            }
            else if (!Literal().IsMatch(segment))
            {
                problem = $"'{text}' has the segment '{segment}'; allowed: letters, digits, '-', '.', '_', '~', or a parameter {{name}} / {{name+}}";
            }
            if (problem is not null) return null;
        }
        return new RouteKey(method, segments);
    }

    [GeneratedRegex(@"^\{([A-Za-z_][A-Za-z0-9_]*)(\+)?\}$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^[A-Za-z0-9._~-]+$")]
    private static partial Regex Literal();
}
