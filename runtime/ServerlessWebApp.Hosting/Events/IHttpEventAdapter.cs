using System.Text.Json;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Maps one event source's JSON to an HTTP request and the app's response back to the JSON that source expects.
/// The shared work (running the pipeline, errors, size limit) lives in <see cref="HttpEventHandler{TAdapter}"/>.
/// </summary>
internal interface IHttpEventAdapter
{
    /// <summary>Position among the <c>ILambdaEventHandler</c>s: HTTP sources 100–199, direct invocation 200.</summary>
    int Order { get; }

    LambdaEventSource Source { get; }

    /// <summary>Cheap shape check; never throws.</summary>
    bool CanHandle(JsonElement lambdaEvent);

    /// <summary>Fills the request features from the event; throws <c>LambdaEventException</c> for a malformed one.</summary>
    void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange);

    /// <summary>Writes the response object (status, headers, body) in the source's format.</summary>
    void WriteResponse(Utf8JsonWriter writer, HttpExchange exchange, JsonElement lambdaEvent);
}
