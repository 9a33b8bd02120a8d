namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// What <c>GET /runtime/invocation/next</c> returned. <see cref="Event"/> points into the client's reused buffer and
/// is valid until the next call to <see cref="ILambdaRuntimeClient.GetNextInvocationAsync"/>.
/// </summary>
internal readonly record struct LambdaNextInvocation(
    string RequestId,
    long DeadlineUnixMs,
    string InvokedFunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Event);
