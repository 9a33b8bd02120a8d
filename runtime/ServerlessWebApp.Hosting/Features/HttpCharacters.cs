namespace Serverless.WebApp.Hosting.Features;

/// <summary>The characters HTTP/1.1 allows in header names and values, checked as Kestrel checks them.</summary>
internal static class HttpCharacters
{
    /// <summary>A header name is a non-empty token: letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>.</summary>
    public static bool IsToken(string name)
    {
        if (name.Length == 0) return false;
        foreach (var c in name)
        {
            if (!IsTokenChar(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// A request header name Kestrel reads: non-empty ASCII without whitespace, ':', NUL, CR or LF (it is looser than
    /// a token, and so is this).
    /// </summary>
    public static bool IsRequestHeaderName(string name)
    {
        if (name.Length == 0) return false;
        foreach (var c in name)
        {
            if (c is ' ' or '\t' or ':' or '\0' or '\r' or '\n' || c > 0x7F) return false;
        }
        return true;
    }

    /// <summary>Index of the first character a response header value may not carry (controls other than tab, DEL, non-ASCII), or -1.</summary>
    public static int IndexOfInvalidResponseValueChar(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((c < 0x20 && c != '\t') || c >= 0x7F) return i;
        }
        return -1;
    }

    /// <summary>
    /// Whether a request header value could have been read off the wire: no NUL, CR or LF (non-ASCII text is taken as
    /// UTF-8, as Kestrel reads it).
    /// </summary>
    public static bool IsValidRequestValue(string value) => value.AsSpan().IndexOfAny('\0', '\r', '\n') < 0;

    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
