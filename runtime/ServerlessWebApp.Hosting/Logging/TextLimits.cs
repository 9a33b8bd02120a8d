namespace Serverless.WebApp.Hosting.Logging;

/// <summary>
/// Caps on text the runtime writes out of event data — log fields, /error reports — so a 1 MB header or command name
/// cannot produce a multi-megabyte log line (CloudWatch keeps 256 KB of an event) or echo itself back.
/// </summary>
internal static class TextLimits
{
    /// <summary>The most characters of one log field or error message.</summary>
    public const int MaxFieldChars = 8 * 1024;

    /// <summary>The most characters of a stack trace, all lines together.</summary>
    public const int MaxStackTraceChars = 32 * 1024;

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters, saying how many were left out.</summary>
    public static string Cap(string text, int max = MaxFieldChars)
    {
        if (text.Length <= max) return text;
        var keep = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, keep), $"… [{text.Length - keep} more characters]");
    }

    /// <summary>The lines of <paramref name="exception"/>'s text, each capped, up to <see cref="MaxStackTraceChars"/> in all.</summary>
    public static IReadOnlyList<string> StackLines(Exception exception)
    {
        var lines = exception.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kept = new List<string>(lines.Length);
        var total = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Cap(lines[i]);
            if (total + line.Length > MaxStackTraceChars)
            {
                kept.Add($"… [{lines.Length - i} more lines]");
                break;
            }
            kept.Add(line);
            total += line.Length;
        }
        return kept;
    }
}
