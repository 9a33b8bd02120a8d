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
    private readonly LinkedList<TaskCompletionSource<PendingInvocation>> _polls = new();
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
            if (!TryTakePoll(out poll))
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
            if (!TryTakePoll(out poll))
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

    /// <summary>
    /// The oldest event, now or when one is invoked; cancelled when the queue closes or <paramref name="cancellationToken"/>
    /// fires first (a cancelled poll never receives an event).
    /// </summary>
    public ValueTask<PendingInvocation> TakeAsync(CancellationToken cancellationToken = default)
    {
        LinkedListNode<TaskCompletionSource<PendingInvocation>> node;
        lock (_lock)
        {
            if (_closed) return ValueTask.FromCanceled<PendingInvocation>(new CancellationToken(canceled: true));
            var first = _events.First;
            if (first is not null)
            {
                _events.RemoveFirst();
                return ValueTask.FromResult(first.Value);
            }
            node = _polls.AddLast(new TaskCompletionSource<PendingInvocation>());
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.UnsafeRegister(_ => Withdraw(node, cancellationToken), null);
            _ = node.Value.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return new ValueTask<PendingInvocation>(node.Value.Task);
    }

    /// <summary>How many <c>/next</c> polls are waiting for an event.</summary>
    public int WaitingPolls
    {
        get { lock (_lock) return _polls.Count; }
    }

    private void Withdraw(LinkedListNode<TaskCompletionSource<PendingInvocation>> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null) return; // already handed an event (or released by Close)
            _polls.Remove(node);
        }
        node.Value.TrySetCanceled(cancellationToken);
    }

    private bool TryTakePoll(out TaskCompletionSource<PendingInvocation> poll)
    {
        var first = _polls.First;
        if (first is null)
        {
            poll = null!;
            return false;
        }
        _polls.RemoveFirst();
        poll = first.Value;
        return true;
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
