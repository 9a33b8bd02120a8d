namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>The Lambda Runtime API, as the invocation loop uses it.</summary>
internal interface ILambdaRuntimeClient
{
    /// <summary>Waits (without a time-out) for the next event; transient failures are retried.</summary>
    Task<LambdaNextInvocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken);

    Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken);
}
