using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Payload format 2.0, shared by HTTP APIs and function URLs: <c>rawQueryString</c> as sent, comma-joined headers,
/// <c>cookies</c> in (as the Cookie header) and out (from Set-Cookie), the mutual-TLS client certificate. They differ
/// in <c>rawPath</c>: a function URL sends it as the client encoded it, an HTTP API already percent-decoded.
/// </summary>
internal static class PayloadV2Mapping
{
    public static bool IsPayloadV2(JsonElement lambdaEvent, out JsonElement requestContext) =>
        lambdaEvent.ValueKind == JsonValueKind.Object
        && lambdaEvent.TryGetProperty("version"u8, out var version)
        && version.ValueKind == JsonValueKind.String
        && version.ValueEquals("2.0"u8)
        && EventJson.TryGetObject(lambdaEvent, "requestContext"u8, out requestContext)
        && EventJson.TryGetObject(requestContext, "http"u8, out _)
        || NotV2(out requestContext);

    public static bool IsFunctionUrlDomain(JsonElement requestContext) =>
        EventJson.GetString(requestContext, "domainName"u8) is { } domain && domain.Contains(".lambda-url.", StringComparison.Ordinal);

    public static void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange, bool pathIsDecoded)
    {
        EventJson.TryGetObject(lambdaEvent, "requestContext"u8, out var requestContext);
        EventJson.TryGetObject(requestContext, "http"u8, out var http);
        var request = exchange.Request;
        request.Method = HttpMethodNames.Read(http, "method"u8);
        request.Protocol = EventJson.GetString(http, "protocol"u8) ?? "HTTP/1.1";

        if (EventJson.TryGetObject(lambdaEvent, "headers"u8, out var headers))
        {
            EventRequestReader.ReadHeaders(headers, request.Headers);
        }
        if (EventJson.TryGetArray(lambdaEvent, "cookies"u8, out var cookies) && cookies.GetArrayLength() > 0)
        {
            request.Headers[HeaderNames.Cookie] = string.Join("; ", cookies.EnumerateArray().Select(c => c.GetString()));
        }

        var rawPath = EventJson.GetString(lambdaEvent, "rawPath"u8) ?? EventJson.GetString(http, "path"u8) ?? "/";
        var (pathBase, path) = SplitPathBase(lambdaEvent, requestContext, rawPath, pathIsDecoded);
        EventRequestReader.SetPath(exchange, pathBase, path, QueryStrings.FromRaw(EventJson.GetString(lambdaEvent, "rawQueryString"u8)), pathIsDecoded);

        EventRequestReader.ApplySchemeAndHost(exchange, EventJson.GetString(requestContext, "domainName"u8));
        EventRequestReader.SetRemoteIp(exchange, EventJson.GetString(http, "sourceIp"u8));
        if (AuthorizerIdentities.FromHttpApiRequestContext(requestContext) is { } user) exchange.SetUser(user);
        if (EventJson.TryGetObject(requestContext, "authentication"u8, out var authentication))
        {
            EventRequestReader.ReadClientCertificate(authentication, exchange);
        }
        EventRequestReader.ReadBody(lambdaEvent, exchange);
    }

    public static void WriteResponse(Utf8JsonWriter writer, HttpExchange exchange)
    {
        ResponseJson.WriteStatusCode(writer, exchange);
        ResponseJson.WriteSingleValueHeaders(writer, exchange, skipSetCookie: true);
        ResponseJson.WriteCookies(writer, exchange);
        ResponseJson.WriteBody(writer, exchange);
    }

    /// <summary>
    /// The route (from <c>routeKey</c> and <c>pathParameters</c>) is what the app routes on; anything before it in
    /// <c>rawPath</c> (a named stage, an API mapping key) is <c>PathBase</c>. Without a route template a named stage
    /// prefix is still taken off.
    /// </summary>
    private static (string PathBase, string Path) SplitPathBase(JsonElement lambdaEvent, JsonElement requestContext, string rawPath, bool pathIsDecoded)
    {
        var routeKey = EventJson.GetString(lambdaEvent, "routeKey"u8);
        var space = routeKey?.IndexOf(' ') ?? -1;
        if (space > 0)
        {
            lambdaEvent.TryGetProperty("pathParameters"u8, out var pathParameters);
            var decoded = pathIsDecoded ? rawPath : PathString.FromUriComponent(rawPath).Value ?? rawPath;
            if (RoutePaths.TrySplit(decoded, routeKey![(space + 1)..], pathParameters, out var routeBase, out _) && routeBase.Length > 0)
            {
                return (routeBase, rawPath[routeBase.Length..]);
            }
        }

        var stage = EventJson.GetString(requestContext, "stage"u8);
        if (!string.IsNullOrEmpty(stage) && stage != "$default")
        {
            return RoutePaths.SplitPrefix(rawPath, "/" + stage);
        }
        return (string.Empty, rawPath);
    }

    private static bool NotV2(out JsonElement requestContext)
    {
        requestContext = default;
        return false;
    }
}
