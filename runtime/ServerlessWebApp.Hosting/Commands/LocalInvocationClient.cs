using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// The Runtime API of a local <c>invoke</c>: the invocation loop posts its answer here instead of to Lambda. There is
/// no next event to wait for: <see cref="LocalInvokeServer"/> hands the loop its one event.
/// </summary>
internal sealed class LocalInvocationClient : ILambdaRuntimeClient
{
    /// <summary>The response payload, once posted.</summary>
    public byte[]? Response { get; private set; }

    /// <summary>The error, once posted.</summary>
    public LambdaErrorReport? Error { get; private set; }

    public Task<LambdaNextInvocation> GetNextInvocationAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("A local invoke runs exactly one event, handed to the invocation loop directly.");

    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Response = payload.ToArray();
        return Task.CompletedTask;
    }

    public Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken)
    {
        Error = error;
        return Task.CompletedTask;
    }

    public Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken)
    {
        Error = error;
        return Task.CompletedTask;
    }
}
