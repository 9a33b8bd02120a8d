using System.Diagnostics;

namespace ServerlessWebApp.TestSupport.RuntimeApi;

/// <summary>One event on its way through the emulator: queued, then delivered by <c>/next</c>, then answered.</summary>
internal sealed class PendingInvocation(string requestId, string eventJson)
{
    private readonly TaskCompletionSource<InvocationResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _deliveredTimestamp;
    private int _abandoned;

    public string RequestId { get; } = requestId;
    public string EventJson { get; } = eventJson;

    /// <summary>The event as UTF-8, encoded once so a delivery is a single write with a Content-Length.</summary>
    public byte[] EventUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(eventJson);
    public long EnqueuedTimestamp { get; } = Stopwatch.GetTimestamp();
    public Task<InvocationResult> Completion => _completion.Task;
    public bool IsAbandoned => Volatile.Read(ref _abandoned) == 1;

    public void MarkDelivered() => Interlocked.Exchange(ref _deliveredTimestamp, Stopwatch.GetTimestamp());

    /// <summary>The caller gave up waiting: a later <c>/next</c> must not deliver it.</summary>
    public void Abandon() => Interlocked.Exchange(ref _abandoned, 1);

    public bool TryComplete(InvocationOutcome outcome, string body, string? errorType) =>
        _completion.TrySetResult(new InvocationResult(
            RequestId, outcome, body, errorType, EnqueuedTimestamp, Interlocked.Read(ref _deliveredTimestamp), Stopwatch.GetTimestamp()));

    public void Cancel() => _completion.TrySetCanceled();
}
