using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>An in-memory Runtime API: tests queue events and await what the loop posts back.</summary>
internal sealed class FakeRuntimeClient : ILambdaRuntimeClient
{
    private readonly Channel<LambdaNextInvocation> _events = Channel.CreateUnbounded<LambdaNextInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<LambdaResult>> _pending = new();
    private int _nextId;

    public ConcurrentQueue<LambdaErrorReport> InitErrors { get; } = new();

    public Task<LambdaResult> InvokeAsync(string eventJson, DateTimeOffset? deadline = null, string? traceId = null) =>
        InvokeAsync(Encoding.UTF8.GetBytes(eventJson), deadline, traceId);

    public Task<LambdaResult> InvokeAsync(byte[] payload, DateTimeOffset? deadline = null, string? traceId = null)
    {
        var requestId = $"req-{Interlocked.Increment(ref _nextId)}";
        var completion = new TaskCompletionSource<LambdaResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = completion;
        var deadlineMs = (deadline ?? DateTimeOffset.UtcNow.AddMinutes(1)).ToUnixTimeMilliseconds();
        _events.Writer.TryWrite(new LambdaNextInvocation(requestId, deadlineMs,
            "arn:aws:lambda:us-east-1:123456789012:function:app:live", traceId, payload));
        return completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task<LambdaNextInvocation> GetNextInvocationAsync(CancellationToken cancellationToken) =>
        await _events.Reader.ReadAsync(cancellationToken);

    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Complete(requestId, new LambdaResult(Encoding.UTF8.GetString(payload.Span), null));
        return Task.CompletedTask;
    }

    public Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken)
    {
        Complete(requestId, new LambdaResult(null, error));
        return Task.CompletedTask;
    }

    public Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken)
    {
        InitErrors.Enqueue(error);
        return Task.CompletedTask;
    }

    private void Complete(string requestId, LambdaResult result)
    {
        if (!_pending.TryRemove(requestId, out var completion))
        {
            throw new InvalidOperationException($"Result posted for unknown or already answered request {requestId}.");
        }
        completion.SetResult(result);
    }
}
