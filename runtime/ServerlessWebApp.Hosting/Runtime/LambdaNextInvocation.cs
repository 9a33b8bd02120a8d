namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// What <c>GET /runtime/invocation/next</c> returned. <see cref="Event"/> points into the client's reused buffer and
/// is valid until the next call to <see cref="ILambdaRuntimeClient.GetNextInvocationAsync"/>. A
/// <c>Lambda-Runtime-*</c> header the client could not read is described in <see cref="MalformedHeader"/>; the loop
/// then fails this invocation (and only this one) as a malformed event.
/// </summary>
internal readonly record struct LambdaNextInvocation(
    string RequestId,
    long DeadlineUnixMs,
    string InvokedFunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Event,
    string? MalformedHeader = null);
