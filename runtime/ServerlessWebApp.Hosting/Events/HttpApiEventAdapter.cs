using System.Text.Json;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>API Gateway HTTP API, payload format 2.0: the path arrives percent-decoded (an encoded '/' or '?' is lost before the event is made).</summary>
internal sealed class HttpApiEventAdapter : IHttpEventAdapter
{
    public int Order => 100;

    public LambdaEventSource Source => LambdaEventSource.HttpApi;

    public bool CanHandle(JsonElement lambdaEvent) =>
        PayloadV2Mapping.IsPayloadV2(lambdaEvent, out var requestContext) && !PayloadV2Mapping.IsFunctionUrlDomain(requestContext);

    public void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange) => PayloadV2Mapping.ReadRequest(lambdaEvent, exchange, pathIsDecoded: true);

    public void WriteResponse(Utf8JsonWriter writer, HttpExchange exchange, JsonElement lambdaEvent) =>
        PayloadV2Mapping.WriteResponse(writer, exchange);
}
