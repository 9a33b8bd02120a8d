using System.Text.Json;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Application Load Balancer target. The ALB sends either <c>headers</c>/<c>queryStringParameters</c> or, with
/// multi-value headers enabled on the target group, <c>multiValueHeaders</c>/<c>multiValueQueryStringParameters</c>,
/// and expects the response in the same mode. Query values arrive as the client sent them (not decoded).
/// </summary>
internal sealed class AlbEventAdapter : IHttpEventAdapter
{
    public int Order => 120;

    public LambdaEventSource Source => LambdaEventSource.ApplicationLoadBalancer;

    public bool CanHandle(JsonElement lambdaEvent) =>
        EventJson.HasString(lambdaEvent, "httpMethod"u8)
        && EventJson.TryGetObject(lambdaEvent, "requestContext"u8, out var requestContext)
        && EventJson.TryGetObject(requestContext, "elb"u8, out _);

    public void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange)
    {
        var request = exchange.Request;
        request.Method = HttpMethodNames.Read(lambdaEvent, "httpMethod"u8);
        string query;
        if (IsMultiValue(lambdaEvent))
        {
            EventJson.TryGetObject(lambdaEvent, "multiValueHeaders"u8, out var headers);
            EventRequestReader.ReadMultiValueHeaders(headers, request.Headers);
            lambdaEvent.TryGetProperty("multiValueQueryStringParameters"u8, out var parameters);
            query = QueryStrings.Build(parameters, encode: false);
        }
        else
        {
            EventJson.TryGetObject(lambdaEvent, "headers"u8, out var headers);
            EventRequestReader.ReadHeaders(headers, request.Headers);
            lambdaEvent.TryGetProperty("queryStringParameters"u8, out var parameters);
            query = QueryStrings.Build(parameters, encode: false);
        }

        EventRequestReader.SetPath(exchange, null, EventJson.GetString(lambdaEvent, "path"u8) ?? "/", query);
        EventRequestReader.ApplySchemeAndHost(exchange, null);
        EventRequestReader.SetRemoteIp(exchange, EventRequestReader.LastForwardedFor(request.Headers["X-Forwarded-For"]));
        EventRequestReader.ReadBody(lambdaEvent, exchange);
    }

    public void WriteResponse(Utf8JsonWriter writer, HttpExchange exchange, JsonElement lambdaEvent)
    {
        ResponseJson.WriteStatusCode(writer, exchange);
        ResponseJson.WriteStatusDescription(writer, exchange);
        if (IsMultiValue(lambdaEvent))
        {
            ResponseJson.WriteMultiValueHeaders(writer, exchange);
        }
        else
        {
            ResponseJson.WriteSingleValueHeaders(writer, exchange, skipSetCookie: false);
        }
        ResponseJson.WriteBody(writer, exchange);
    }

    private static bool IsMultiValue(JsonElement lambdaEvent) => EventJson.TryGetObject(lambdaEvent, "multiValueHeaders"u8, out _);
}
