using System.Diagnostics;
using Serverless.WebApp.TestSupport.RuntimeApi.Http;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// A Lambda Runtime API (version 2018-06-01) on 127.0.0.1 and a free port, for running a real runtime process in
/// tests and benchmarks. Point the process at <see cref="Address"/> through <c>AWS_LAMBDA_RUNTIME_API</c>, then
/// call <see cref="InvokeAsync"/>: the event waits until the runtime's <c>GET .../invocation/next</c> long-poll takes
/// it, and the call returns what the runtime posts to <c>.../invocation/{id}/response</c> or <c>/error</c>.
/// Events are delivered one at a time in the order they were invoked, as Lambda does for one execution environment.
/// Like Lambda's own Runtime API it is a small HTTP/1.1 server (<see cref="LoopbackHttpServer"/>), not a web
/// framework, so its cost inside a timed invocation loop stays small.
/// </summary>
public sealed class LambdaRuntimeApiEmulator : IAsyncDisposable
{
    /// <summary>Request bodies above this are refused with 413 before they are read; responses above
    /// <see cref="RuntimeApiEmulatorOptions.MaxResponseBytes"/> (smaller) are read and failed as Lambda fails them.</summary>
    private const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    private readonly RuntimeApiState _state;
    private readonly InvocationTimeouts _timeouts;
    private readonly LoopbackHttpServer _server;
    private int _disposed;

    private LambdaRuntimeApiEmulator(RuntimeApiEmulatorOptions options)
    {
        _state = new RuntimeApiState(options);
        _timeouts = new InvocationTimeouts(_state.Invocations, TimeOut);
        _server = LoopbackHttpServer.Start(
            new RuntimeApiRouter(_state),
            Math.Clamp(options.MaxResponseBytes + 1L, MaxRequestBodyBytes, Array.MaxLength), options.SpinBeforeWait);
        Address = $"127.0.0.1:{_server.EndPoint.Port}";
    }

    /// <summary><c>127.0.0.1:PORT</c>, the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>How many <c>/next</c> requests the runtime has made (each one is a long-poll).</summary>
    public int NextPollCount => _state.NextPollCount;

    /// <summary><see cref="Stopwatch"/> timestamp of the runtime's first <c>/next</c>, 0 before it.</summary>
    public long FirstPollTimestamp => _state.FirstPollTimestamp;

    /// <summary>How many <c>/next</c> long-polls are waiting for an event now.</summary>
    public int WaitingPollCount => _state.WaitingPolls.Count;

    /// <summary>
    /// Waits until every runtime now long-polling for an event has closed its connection, as this emulator's end of
    /// the connection sees it (a crashed runtime); false when one is still open after <paramref name="timeout"/>.
    /// </summary>
    public Task<bool> WaitForWaitingPollsClosedAsync(TimeSpan timeout)
    {
        var polls = _state.WaitingPolls.Keys.ToArray();
        return Task.Run(() => polls.All(poll => poll.IsPeerClosed(timeout)));
    }

    /// <summary>Every start-up failure posted to <c>/init/error</c>.</summary>
    public IReadOnlyCollection<InitErrorReport> InitErrors => _state.InitErrors;

    /// <summary>Completes when the runtime posts its first <c>/init/error</c>.</summary>
    public Task<InitErrorReport> FirstInitError => _state.FirstInitError;

    public static Task<LambdaRuntimeApiEmulator> StartAsync(RuntimeApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new RuntimeApiEmulatorOptions();
        if (options.SpinBeforeWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SpinBeforeWait,
                $"{nameof(RuntimeApiEmulatorOptions)}.{nameof(RuntimeApiEmulatorOptions.SpinBeforeWait)} must be zero (block at once) or positive.");
        }
        return Task.FromResult(new LambdaRuntimeApiEmulator(options));
    }

    /// <summary>
    /// Queues <paramref name="eventJson"/> for the runtime and waits for its answer. An error the runtime posts is a
    /// result (<see cref="InvocationResult.Outcome"/>), not an exception; no answer within <paramref name="timeout"/>
    /// throws <see cref="TimeoutException"/> and the event is withdrawn if it was not yet delivered.
    /// </summary>
    public Task<InvocationResult> InvokeAsync(string eventJson, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            return Task.FromException<InvocationResult>(new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive or Timeout.InfiniteTimeSpan."));
        try
        {
            return Enqueue(eventJson, timeout, cancellationToken).Completion;
        }
        catch (ObjectDisposedException e)
        {
            return Task.FromException<InvocationResult>(e);
        }
    }

    /// <summary>
    /// Queues an event without waiting; await the returned task for the answer. Lets a benchmark queue the first
    /// event before the runtime process even starts.
    /// </summary>
    public Task<InvocationResult> Enqueue(string eventJson, out string requestId)
    {
        var invocation = Enqueue(eventJson, Timeout.InfiniteTimeSpan, CancellationToken.None);
        requestId = invocation.RequestId;
        return invocation.Completion;
    }

    private PendingInvocation Enqueue(string eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var invocation = new PendingInvocation(Guid.NewGuid().ToString(), eventJson, timeout);
        _state.Invocations[invocation.RequestId] = invocation;
        try
        {
            _state.Queue.Enqueue(invocation);
        }
        catch (ObjectDisposedException)
        {
            _state.Invocations.TryRemove(invocation.RequestId, out _);
            throw;
        }
        _timeouts.Watch(invocation);
        invocation.CancelWaitWhen(cancellationToken);
        return invocation;
    }

    private void TimeOut(PendingInvocation invocation) => invocation.TimeOut(
        $"The runtime did not answer invocation {invocation.RequestId} within {invocation.Timeout.TotalSeconds:0.###} s " +
        $"(/next polls so far: {NextPollCount}, init errors: {_state.InitErrorCount}).");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _state.Queue.Close();
        _timeouts.Dispose();
        foreach (var invocation in _state.Invocations) invocation.Value.Cancel();
        await _server.DisposeAsync();
    }
}
