using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Benchmarks.Bridge;

/// <summary>A Runtime API that never delivers an event: the loop idles while the benchmark drives the handlers.</summary>
internal sealed class IdleRuntimeClient : ILambdaRuntimeClient
{
    public async Task<LambdaNextInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException(cancellationToken);
    }

    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken) => Task.CompletedTask;
}
