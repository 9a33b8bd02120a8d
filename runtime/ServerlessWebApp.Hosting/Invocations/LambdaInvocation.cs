using System.Text.Json;

namespace Serverless.WebApp.Hosting.Invocations;

/// <summary>One invocation as the Lambda Runtime API delivered it.</summary>
public sealed class LambdaInvocation
{
    /// <summary>
    /// An invocation with the given Runtime API headers and event. The runtime creates these; construct one to test an
    /// <see cref="ILambdaEventHandler"/> of your own.
    /// </summary>
    /// <param name="requestId">The Lambda request id.</param>
    /// <param name="deadline">When Lambda stops the invocation.</param>
    /// <param name="invokedFunctionArn">The ARN the function was invoked by, alias included.</param>
    /// <param name="traceId">The X-Ray trace header, or null.</param>
    /// <param name="rawEvent">The event payload as received.</param>
    /// <param name="lambdaEvent">The parsed <paramref name="rawEvent"/>.</param>
    public LambdaInvocation(string requestId, DateTimeOffset deadline, string invokedFunctionArn, string? traceId,
        ReadOnlyMemory<byte> rawEvent, JsonElement lambdaEvent)
    {
        RequestId = requestId;
        Deadline = deadline;
        InvokedFunctionArn = invokedFunctionArn;
        TraceId = traceId;
        RawEvent = rawEvent;
        Event = lambdaEvent;
    }

    /// <summary>The <c>Lambda-Runtime-Aws-Request-Id</c> header.</summary>
    public string RequestId { get; }

    /// <summary>From <c>Lambda-Runtime-Deadline-Ms</c>: when Lambda stops the invocation.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>The <c>Lambda-Runtime-Invoked-Function-Arn</c> header (includes the alias, e.g. <c>:live</c>).</summary>
    public string InvokedFunctionArn { get; }

    /// <summary>The <c>Lambda-Runtime-Trace-Id</c> header, when tracing is on.</summary>
    public string? TraceId { get; }

    /// <summary>The event payload as received.</summary>
    public ReadOnlyMemory<byte> RawEvent { get; }

    /// <summary>The parsed event payload. Valid only during <see cref="ILambdaEventHandler.HandleAsync"/>.</summary>
    public JsonElement Event { get; }

    /// <summary>Time left before <see cref="Deadline"/>.</summary>
    public TimeSpan RemainingTime(TimeProvider clock) => Deadline - clock.GetUtcNow();
}
