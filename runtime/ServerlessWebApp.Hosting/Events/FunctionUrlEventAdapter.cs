using System.Text.Json;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>Lambda function URL: payload format 2.0 on a <c>*.lambda-url.*</c> domain, no stage, the path as the client encoded it.</summary>
internal sealed class FunctionUrlEventAdapter : IHttpEventAdapter
{
    public int Order => 101;

    public LambdaEventSource Source => LambdaEventSource.FunctionUrl;

    public bool CanHandle(JsonElement lambdaEvent) =>
        PayloadV2Mapping.IsPayloadV2(lambdaEvent, out var requestContext) && PayloadV2Mapping.IsFunctionUrlDomain(requestContext);

    public void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange) => PayloadV2Mapping.ReadRequest(lambdaEvent, exchange, pathIsDecoded: false);

    public void WriteResponse(Utf8JsonWriter writer, HttpExchange exchange, JsonElement lambdaEvent) =>
        PayloadV2Mapping.WriteResponse(writer, exchange);
}
