using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// The event of a local <c>invoke</c>: a JSON file as given (any event source, as Lambda would deliver it), or, for
/// <c>&lt;METHOD&gt; &lt;/path&gt; [body]</c>, an HTTP API (payload 2.0) request — the construct's default front door.
/// </summary>
internal static class LocalInvokeEvent
{
    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
    };

    /// <summary>The event's bytes, or null and an error that says what was wrong with the arguments.</summary>
    public static byte[]? TryCreate(IReadOnlyList<string> args, string currentDirectory, DateTimeOffset now, out string? error)
    {
        error = null;
        switch (args.Count)
        {
            case 1 when !Methods.Contains(args[0]):
                var path = Path.GetFullPath(args[0], currentDirectory);
                if (File.Exists(path)) return File.ReadAllBytes(path);
                error = $"invoke: no event file '{args[0]}' (looked for {path}).";
                return null;
            case 2 or 3 when Methods.Contains(args[0]) && args[1].StartsWith('/'):
                return HttpApiRequest(args[0].ToUpperInvariant(), args[1], args.Count == 3 ? args[2] : null, now);
            case 2 or 3 when Methods.Contains(args[0]):
                error = $"invoke: the path '{args[1]}' must start with '/'.";
                return null;
            default:
                error = args.Count == 0 ? "invoke: no event given." : $"invoke: cannot read '{string.Join(' ', args)}'.";
                return null;
        }
    }

    /// <summary>An HTTP API request event (payload format 2.0) as API Gateway sends it for the <c>$default</c> route.</summary>
    internal static byte[] HttpApiRequest(string method, string pathAndQuery, string? body, DateTimeOffset now)
    {
        var query = pathAndQuery.IndexOf('?');
        var rawPath = query < 0 ? pathAndQuery : pathAndQuery[..query];
        var rawQuery = query < 0 ? "" : pathAndQuery[(query + 1)..];
        var requestId = Guid.NewGuid().ToString("N")[..16];

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", "$default");
            json.WriteString("rawPath", rawPath);
            json.WriteString("rawQueryString", rawQuery);
            json.WriteStartObject("headers");
            json.WriteString("host", "localhost");
            json.WriteString("user-agent", "serverlesswebapp-invoke");
            json.WriteString("x-forwarded-proto", "https");
            json.WriteString("x-forwarded-port", "443");
            if (body is not null)
            {
                json.WriteString("content-type", "application/json");
                json.WriteString("content-length", Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            json.WriteEndObject();
            json.WriteStartObject("requestContext");
            json.WriteString("accountId", "000000000000");
            json.WriteString("apiId", "local");
            json.WriteString("domainName", "localhost");
            json.WriteString("domainPrefix", "localhost");
            json.WriteStartObject("http");
            json.WriteString("method", method);
            json.WriteString("path", rawPath);
            json.WriteString("protocol", "HTTP/1.1");
            json.WriteString("sourceIp", "127.0.0.1");
            json.WriteString("userAgent", "serverlesswebapp-invoke");
            json.WriteEndObject();
            json.WriteString("requestId", requestId);
            json.WriteString("routeKey", "$default");
            json.WriteString("stage", "$default");
            json.WriteString("time", now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("timeEpoch", now.ToUnixTimeMilliseconds());
            json.WriteEndObject();
            if (body is not null) json.WriteString("body", body);
            json.WriteBoolean("isBase64Encoded", false);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
