using System.Text.Json;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// A direct <c>Invoke</c> whose payload is shaped like a request — <c>{"httpMethod": "POST", "path": "/compute-dna/",
/// "headers": {...}, "queryStringParameters": {...}, "body": "...", "isBase64Encoded": false}</c> — for scripts, Step
/// Functions and other functions calling the app without a front door. Answered like a REST API proxy response.
/// </summary>
internal sealed class DirectInvocationEventAdapter : IHttpEventAdapter
{
    public int Order => 200;

    public LambdaEventSource Source => LambdaEventSource.DirectInvocation;

    public bool CanHandle(JsonElement lambdaEvent) =>
        EventJson.HasString(lambdaEvent, "httpMethod"u8) && EventJson.HasString(lambdaEvent, "path"u8);

    public void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange)
    {
        var request = exchange.Request;
        request.Method = HttpMethodNames.Read(lambdaEvent, "httpMethod"u8);
        if (EventJson.TryGetObject(lambdaEvent, "multiValueHeaders"u8, out var multiValueHeaders))
        {
            EventRequestReader.ReadMultiValueHeaders(multiValueHeaders, request.Headers);
        }
        else if (EventJson.TryGetObject(lambdaEvent, "headers"u8, out var headers))
        {
            EventRequestReader.ReadHeaders(headers, request.Headers);
        }

        var query = EventJson.TryGetObject(lambdaEvent, "multiValueQueryStringParameters"u8, out var multiQuery)
            ? QueryStrings.Build(multiQuery, encode: true)
            : QueryStrings.Build(lambdaEvent.TryGetProperty("queryStringParameters"u8, out var single) ? single : default, encode: true);
        EventRequestReader.SetPath(exchange, null, EventJson.GetString(lambdaEvent, "path"u8)!, query);
        EventRequestReader.ApplySchemeAndHost(exchange, "localhost");
        EventRequestReader.ReadBody(lambdaEvent, exchange);
    }

    public void WriteResponse(Utf8JsonWriter writer, HttpExchange exchange, JsonElement lambdaEvent)
    {
        ResponseJson.WriteStatusCode(writer, exchange);
        ResponseJson.WriteSingleValueHeaders(writer, exchange, skipSetCookie: false);
        ResponseJson.WriteMultiValueHeaders(writer, exchange);
        ResponseJson.WriteBody(writer, exchange);
    }
}
