using System.Collections.Concurrent;
using System.Diagnostics;
using Serverless.WebApp.TestSupport.RuntimeApi.Http;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>What the emulator's caller side and its HTTP side share: invocations by id, the queue, polls, init errors.</summary>
internal sealed class RuntimeApiState(RuntimeApiEmulatorOptions options)
{
    private readonly ConcurrentQueue<InitErrorReport> _initErrors = new();
    private readonly TaskCompletionSource<InitErrorReport> _firstInitError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextPolls;
    private long _firstPollTimestamp;

    public RuntimeApiEmulatorOptions Options { get; } = options;

    /// <summary>Invocations not yet answered, and those failed by an init error or an oversized response.</summary>
    public ConcurrentDictionary<string, PendingInvocation> Invocations { get; } = new(StringComparer.Ordinal);

    public InvocationQueue Queue { get; } = new();

    /// <summary>The connections of the <c>/next</c> long-polls now waiting for an event.</summary>
    public ConcurrentDictionary<HttpResponseWriter, byte> WaitingPolls { get; } = new();
    public int NextPollCount => Volatile.Read(ref _nextPolls);
    public long FirstPollTimestamp => Interlocked.Read(ref _firstPollTimestamp);
    public IReadOnlyCollection<InitErrorReport> InitErrors => _initErrors.ToArray();
    public int InitErrorCount => _initErrors.Count;
    public Task<InitErrorReport> FirstInitError => _firstInitError.Task;

    public void CountPoll()
    {
        if (Interlocked.Increment(ref _nextPolls) == 1) Interlocked.Exchange(ref _firstPollTimestamp, Stopwatch.GetTimestamp());
    }

    public void RecordInitError(InitErrorReport report)
    {
        _initErrors.Enqueue(report);
        _firstInitError.TrySetResult(report);
    }
}
