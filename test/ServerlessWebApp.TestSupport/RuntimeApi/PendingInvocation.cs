using System.Diagnostics;
using System.Text;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>One event on its way through the emulator: queued, then delivered by <c>/next</c>, then answered.</summary>
internal sealed class PendingInvocation
{
    // Continuations run on the thread that completes: a caller looping over InvokeAsync without a synchronization
    // context queues its next event from the emulator's connection thread, with no thread-pool hop in between.
    private readonly TaskCompletionSource<InvocationResult> _completion = new();
    private CancellationTokenRegistration _callerCancellation;
    private long _deliveredTimestamp;
    private long _deadlineTimestamp;
    private int _abandoned;
    private int _answered;

    /// <summary>A new invocation; <paramref name="timeout"/> is how long the caller waits (infinite for no limit).</summary>
    public PendingInvocation(string requestId, string eventJson, TimeSpan timeout)
    {
        RequestId = requestId;
        EventJson = eventJson;
        EventUtf8 = Encoding.UTF8.GetBytes(eventJson);
        Timeout = timeout;
        EnqueuedTimestamp = Stopwatch.GetTimestamp();
        _deadlineTimestamp = DeadlineOf(EnqueuedTimestamp, timeout);
    }

    public string RequestId { get; }
    public string EventJson { get; }

    /// <summary>The event as UTF-8, encoded once so a delivery is a single write with a Content-Length.</summary>
    public byte[] EventUtf8 { get; }

    public TimeSpan Timeout { get; }
    public long EnqueuedTimestamp { get; }

    /// <summary>Position in invocation order, set when queued; a delivery that fails goes back to this place.</summary>
    public long Sequence { get; set; }

    /// <summary><see cref="Stopwatch"/> time the caller stops waiting, <see cref="long.MaxValue"/> for never (or already timed out).</summary>
    public long DeadlineTimestamp => Volatile.Read(ref _deadlineTimestamp);

    public Task<InvocationResult> Completion => _completion.Task;
    public bool IsAbandoned => Volatile.Read(ref _abandoned) == 1;

    public void MarkDelivered() => Interlocked.Exchange(ref _deliveredTimestamp, Stopwatch.GetTimestamp());

    /// <summary>
    /// Takes the one right to answer this invocation; false if it was already answered (or failed by an init error or
    /// an oversized response). An invocation whose caller timed out can still be answered once.
    /// </summary>
    public bool TryClaimAnswer() => Interlocked.Exchange(ref _answered, 1) == 0;

    /// <summary>Hands the answer to the caller; <paramref name="answeredTimestamp"/> is when it reached the emulator.</summary>
    public void Complete(InvocationOutcome outcome, string body, string? errorType, long answeredTimestamp)
    {
        _completion.TrySetResult(new InvocationResult(
            RequestId, outcome, body, errorType, EnqueuedTimestamp, Interlocked.Read(ref _deliveredTimestamp), answeredTimestamp));
        _callerCancellation.Dispose();
    }

    /// <summary>The caller gave up waiting: a later <c>/next</c> must not deliver it.</summary>
    public void TimeOut(string message)
    {
        Interlocked.Exchange(ref _abandoned, 1);
        Volatile.Write(ref _deadlineTimestamp, long.MaxValue);
        _completion.TrySetException(new TimeoutException(message));
        _callerCancellation.Dispose();
    }

    /// <summary>The emulator is going away.</summary>
    public void Cancel() => _completion.TrySetCanceled();

    /// <summary>Cancels the caller's wait (not the invocation) when <paramref name="cancellationToken"/> fires.</summary>
    public void CancelWaitWhen(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return;
        _callerCancellation = cancellationToken.UnsafeRegister(
            static (state, token) => ((PendingInvocation)state!)._completion.TrySetCanceled(token), this);
        if (_completion.Task.IsCompleted) _callerCancellation.Dispose();
    }

    private static long DeadlineOf(long start, TimeSpan timeout)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout.TotalDays > 365) return long.MaxValue;
        return start + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }
}
