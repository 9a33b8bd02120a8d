using System.Collections.Concurrent;
using System.Diagnostics;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// Times out callers with one timer for the whole emulator, armed for the earliest deadline, instead of one timer per
/// invocation. An invocation whose deadline is later than the armed one (the usual case) costs a comparison.
/// </summary>
internal sealed class InvocationTimeouts : IDisposable
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, PendingInvocation> _invocations;
    private readonly Action<PendingInvocation> _onTimeout;
    private readonly Timer _timer;
    private long _armedFor = long.MaxValue;
    private bool _disposed;

    public InvocationTimeouts(ConcurrentDictionary<string, PendingInvocation> invocations, Action<PendingInvocation> onTimeout)
    {
        _invocations = invocations;
        _onTimeout = onTimeout;
        _timer = new Timer(static state => ((InvocationTimeouts)state!).Expire(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Makes sure the timer fires no later than <paramref name="invocation"/>'s deadline.</summary>
    public void Watch(PendingInvocation invocation)
    {
        var deadline = invocation.DeadlineTimestamp;
        if (deadline == long.MaxValue) return;
        lock (_lock)
        {
            if (!_disposed && deadline < _armedFor) Arm(deadline);
        }
    }

    private void Expire()
    {
        List<PendingInvocation>? expired = null;
        lock (_lock)
        {
            if (_disposed) return;
            var now = Stopwatch.GetTimestamp();
            var next = long.MaxValue;
            foreach (var entry in _invocations)
            {
                var deadline = entry.Value.DeadlineTimestamp;
                if (deadline <= now) (expired ??= []).Add(entry.Value);
                else if (deadline < next) next = deadline;
            }
            Arm(next);
        }
        if (expired is null) return;
        foreach (var invocation in expired) _onTimeout(invocation);
    }

    private void Arm(long deadline)
    {
        _armedFor = deadline;
        if (deadline == long.MaxValue)
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }
        var due = Math.Max(0, Math.Ceiling(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline).TotalMilliseconds));
        _timer.Change((long)due, Timeout.Infinite);
    }

    public void Dispose()
    {
        lock (_lock) _disposed = true;
        _timer.Dispose();
    }
}
