namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// Events waiting for the runtime, in invocation order, and the <c>/next</c> long-polls waiting for an event. An event
/// invoked while a poll waits is handed to it directly, on the invoking thread, so the poll's answer goes out without
/// a thread hop.
/// </summary>
internal sealed class InvocationQueue
{
    private readonly Lock _lock = new();
    private readonly LinkedList<PendingInvocation> _events = new();
    private readonly Queue<TaskCompletionSource<PendingInvocation>> _polls = new();
    private long _sequence;
    private bool _closed;

    /// <summary>Queues a new event; throws <see cref="ObjectDisposedException"/> once the queue is closed.</summary>
    public void Enqueue(PendingInvocation invocation)
    {
        TaskCompletionSource<PendingInvocation>? poll;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, typeof(LambdaRuntimeApiEmulator));
            invocation.Sequence = ++_sequence;
            if (!_polls.TryDequeue(out poll))
            {
                _events.AddLast(invocation);
                return;
            }
        }
        // synchronous continuation: the waiting /next handler writes its response right here
        poll.TrySetResult(invocation);
    }

    /// <summary>Puts back an event whose delivery failed, at its place in invocation order.</summary>
    public void Requeue(PendingInvocation invocation)
    {
        TaskCompletionSource<PendingInvocation>? poll;
        lock (_lock)
        {
            if (_closed) return;
            if (!_polls.TryDequeue(out poll))
            {
                var later = _events.First;
                while (later is not null && later.Value.Sequence < invocation.Sequence) later = later.Next;
                if (later is null) _events.AddLast(invocation);
                else _events.AddBefore(later, invocation);
                return;
            }
        }
        poll.TrySetResult(invocation);
    }

    /// <summary>The oldest event, now or when one is invoked; cancelled when the queue closes.</summary>
    public ValueTask<PendingInvocation> TakeAsync()
    {
        lock (_lock)
        {
            if (_closed) return ValueTask.FromCanceled<PendingInvocation>(new CancellationToken(canceled: true));
            var first = _events.First;
            if (first is not null)
            {
                _events.RemoveFirst();
                return ValueTask.FromResult(first.Value);
            }
            var poll = new TaskCompletionSource<PendingInvocation>();
            _polls.Enqueue(poll);
            return new ValueTask<PendingInvocation>(poll.Task);
        }
    }

    /// <summary>Refuses new events and releases every waiting poll.</summary>
    public void Close()
    {
        TaskCompletionSource<PendingInvocation>[] polls;
        lock (_lock)
        {
            _closed = true;
            polls = [.. _polls];
            _polls.Clear();
        }
        foreach (var poll in polls) poll.TrySetCanceled();
    }
}
