using System.Buffers;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Invocations;

/// <summary>
/// Runs one kind of Lambda event (an HTTP source, an SQS batch, a keep-warm ping, a management command, ...).
/// The invocation loop offers each event to the registered handlers in ascending <see cref="Order"/>; the first whose
/// <see cref="CanHandle"/> returns true runs it. A handler that throws <see cref="LambdaEventException"/> has the
/// invocation posted to the Runtime API's <c>/error</c> with that error type; any other exception is posted with
/// the exception's type name. Either way the loop goes on to the next event.
/// </summary>
public interface ILambdaEventHandler
{
    /// <summary>Lower runs first. Control events use 0–99, HTTP sources 100–199, direct invocation 200.</summary>
    int Order { get; }

    /// <summary>Whether this handler recognises the event. Must be cheap and must not throw.</summary>
    bool CanHandle(JsonElement lambdaEvent);

    /// <summary>Runs the event and writes the JSON response payload to <paramref name="response"/>.</summary>
    Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken);
}
