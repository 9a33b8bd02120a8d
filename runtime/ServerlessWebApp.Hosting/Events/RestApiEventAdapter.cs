using System.Text.Json;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// API Gateway REST API proxy integration (payload format 1.0; also an HTTP API configured for 1.0, which says
/// <c>"version": "1.0"</c>). The stage or custom-domain base path becomes <c>PathBase</c>; multi-value headers and
/// query strings are preferred when present. A REST API sends the path as the client encoded it, an HTTP API decoded.
/// </summary>
internal sealed class RestApiEventAdapter : IHttpEventAdapter
{
    public int Order => 110;

    public LambdaEventSource Source => LambdaEventSource.RestApi;

    public bool CanHandle(JsonElement lambdaEvent) =>
        EventJson.HasString(lambdaEvent, "httpMethod"u8)
        && EventJson.TryGetObject(lambdaEvent, "requestContext"u8, out var requestContext)
        && requestContext.TryGetProperty("stage"u8, out _)
        && !requestContext.TryGetProperty("elb"u8, out _)
        && !requestContext.TryGetProperty("http"u8, out _);

    public void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange)
    {
        EventJson.TryGetObject(lambdaEvent, "requestContext"u8, out var requestContext);
        var request = exchange.Request;
        request.Method = HttpMethodNames.Read(lambdaEvent, "httpMethod"u8);
        request.Protocol = EventJson.GetString(requestContext, "protocol"u8) ?? "HTTP/1.1";

        if (EventJson.TryGetObject(lambdaEvent, "multiValueHeaders"u8, out var multiValueHeaders))
        {
            EventRequestReader.ReadMultiValueHeaders(multiValueHeaders, request.Headers);
        }
        else if (EventJson.TryGetObject(lambdaEvent, "headers"u8, out var headers))
        {
            EventRequestReader.ReadHeaders(headers, request.Headers);
        }

        var path = EventJson.GetString(lambdaEvent, "path"u8) ?? "/";
        var fullPath = EventJson.GetString(requestContext, "path"u8) ?? path;
        lambdaEvent.TryGetProperty("pathParameters"u8, out var pathParameters);
        if (!RoutePaths.TrySplit(fullPath, EventJson.GetString(lambdaEvent, "resource"u8), pathParameters, out var pathBase, out var routePath))
        {
            // The route template did not rebuild the path: the part of requestContext.path before event.path is the base.
            routePath = path;
            if (!RoutePaths.TrySplitSuffix(fullPath, path, out pathBase)) pathBase = string.Empty;
        }

        var query = lambdaEvent.TryGetProperty("multiValueQueryStringParameters"u8, out var multiQuery) && multiQuery.ValueKind == JsonValueKind.Object
            ? QueryStrings.Build(multiQuery, encode: true)
            : QueryStrings.Build(lambdaEvent.TryGetProperty("queryStringParameters"u8, out var query1) ? query1 : default, encode: true);
        EventRequestReader.SetPath(exchange, pathBase, routePath, query, alreadyDecoded: IsHttpApi(lambdaEvent));

        EventRequestReader.ApplySchemeAndHost(exchange, EventJson.GetString(requestContext, "domainName"u8));
        if (EventJson.TryGetObject(requestContext, "identity"u8, out var identity))
        {
            EventRequestReader.SetRemoteIp(exchange, EventJson.GetString(identity, "sourceIp"u8));
            EventRequestReader.ReadClientCertificate(identity, exchange);
        }
        if (AuthorizerIdentities.FromRestRequestContext(requestContext) is { } user) exchange.SetUser(user);
        EventRequestReader.ReadBody(lambdaEvent, exchange);
    }

    public void WriteResponse(Utf8JsonWriter writer, HttpExchange exchange, JsonElement lambdaEvent)
    {
        ResponseJson.WriteStatusCode(writer, exchange);
        ResponseJson.WriteMultiValueHeaders(writer, exchange);
        ResponseJson.WriteBody(writer, exchange);
    }

    private static bool IsHttpApi(JsonElement lambdaEvent) =>
        lambdaEvent.TryGetProperty("version"u8, out var version) && version.ValueKind == JsonValueKind.String && version.ValueEquals("1.0"u8);
}
