using System.Diagnostics;
using System.Text.Json;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// What the runtime answered for one invocation, with <see cref="Stopwatch"/> timestamps for benchmarks:
/// <see cref="EnqueuedTimestamp"/> when the caller invoked, <see cref="DeliveredTimestamp"/> when the runtime's
/// <c>/next</c> received the event, <see cref="CompletedTimestamp"/> when its response or error arrived.
/// </summary>
public sealed record InvocationResult(
    string RequestId,
    InvocationOutcome Outcome,
    string Body,
    string? ErrorType,
    long EnqueuedTimestamp,
    long DeliveredTimestamp,
    long CompletedTimestamp)
{
    public bool Succeeded => Outcome == InvocationOutcome.Response;

    /// <summary>From <c>InvokeAsync</c> to the runtime's answer.</summary>
    public TimeSpan Latency => Stopwatch.GetElapsedTime(EnqueuedTimestamp, CompletedTimestamp);

    /// <summary>From the runtime receiving the event to its answer (the function's own time).</summary>
    public TimeSpan Duration => DeliveredTimestamp == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(DeliveredTimestamp, CompletedTimestamp);

    /// <summary>The body parsed as JSON (responses and error documents are JSON in the Runtime API contract).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"{Outcome} {RequestId} {ErrorType} {Body}";
}
