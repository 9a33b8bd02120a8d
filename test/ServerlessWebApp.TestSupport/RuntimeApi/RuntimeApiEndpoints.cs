using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// The Runtime API routes (version 2018-06-01) on Kestrel: <c>GET invocation/next</c>, <c>POST invocation/{id}/response</c>,
/// <c>POST invocation/{id}/error</c> and <c>POST init/error</c>, answered as Lambda answers them. Kestrel itself
/// answers what the routes do not: 404 for another path, 405 for another method, 400 for a malformed request.
/// </summary>
internal static class RuntimeApiEndpoints
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private static readonly byte[] AcceptedBody = "{\"status\":\"OK\"}"u8.ToArray();

    public static void Map(IEndpointRouteBuilder endpoints, RuntimeApiState state)
    {
        var runtime = endpoints.MapGroup("/2018-06-01/runtime");
        runtime.MapGet("/invocation/next", context => NextAsync(context, state));
        runtime.MapPost("/invocation/{requestId}/response", context => AnswerAsync(context, state, InvocationOutcome.Response));
        runtime.MapPost("/invocation/{requestId}/error", context => AnswerAsync(context, state, InvocationOutcome.Error));
        runtime.MapPost("/init/error", context => InitErrorAsync(context, state));
    }

    private static async Task NextAsync(HttpContext context, RuntimeApiState state)
    {
        state.CountPoll();
        while (true)
        {
            PendingInvocation invocation;
            try
            {
                invocation = await state.Queue.TakeAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                context.Abort(); // the runtime went away, or the emulator is shutting down: release the long-poll
                return;
            }
            if (invocation.IsAbandoned) continue;
            if (context.RequestAborted.IsCancellationRequested)
            {
                // the runtime went away as the event arrived: it stays for the next runtime, in its place
                state.Queue.Requeue(invocation);
                return;
            }

            invocation.MarkDelivered();
            var headers = context.Response.Headers;
            headers.ContentType = "application/json";
            headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
            headers["Lambda-Runtime-Deadline-Ms"] =
                DateTimeOffset.UtcNow.Add(state.Options.FunctionTimeout).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            headers["Lambda-Runtime-Invoked-Function-Arn"] = state.Options.FunctionArn;
            headers["Lambda-Runtime-Trace-Id"] = TraceId();
            context.Response.ContentLength = invocation.EventUtf8.Length;
            await context.Response.Body.WriteAsync(invocation.EventUtf8);
            return;
        }
    }

    private static async Task AnswerAsync(HttpContext context, RuntimeApiState state, InvocationOutcome outcome)
    {
        var requestId = Uri.UnescapeDataString((string)context.Request.RouteValues["requestId"]!);
        if (!state.Invocations.TryGetValue(requestId, out var invocation))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestID", $"Unknown request id {requestId}.");
            return;
        }

        var body = await ReadBodyAsync(context);
        var answered = Stopwatch.GetTimestamp();
        if (outcome == InvocationOutcome.Response && body.Length > state.Options.MaxResponseBytes)
        {
            if (invocation.TryClaimAnswer())
                invocation.Complete(InvocationOutcome.ResponseTooLarge, Decode(body), "Function.ResponseSizeTooLarge", answered);
            await ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge",
                $"Exceeded maximum allowed payload size ({state.Options.MaxResponseBytes} bytes).");
            return;
        }
        if (!invocation.TryClaimAnswer())
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidStateTransition",
                $"Invocation {invocation.RequestId} was already answered.");
            return;
        }

        state.Invocations.TryRemove(invocation.RequestId, out _);
        // 202 first: the runtime goes on to its next /next while the caller's continuation runs here
        await AcceptedAsync(context);
        invocation.Complete(outcome, Decode(body), ErrorType(context), answered);
    }

    private static async Task InitErrorAsync(HttpContext context, RuntimeApiState state)
    {
        var body = Decode(await ReadBodyAsync(context));
        var report = new InitErrorReport(ErrorType(context), body, Stopwatch.GetTimestamp());
        state.RecordInitError(report);
        // Lambda fails the invocation that was waiting for the environment to start.
        foreach (var waiting in state.Invocations)
        {
            if (waiting.Value.TryClaimAnswer()) waiting.Value.Complete(InvocationOutcome.InitError, body, report.ErrorType, report.Timestamp);
        }
        await AcceptedAsync(context);
    }

    private static async Task AcceptedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = AcceptedBody.Length;
        await context.Response.Body.WriteAsync(AcceptedBody);
        await context.Response.CompleteAsync();
    }

    private static Task ErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { errorMessage = message, errorType });
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    private static string? ErrorType(HttpContext context) =>
        context.Request.Headers[ErrorTypeHeader].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>UTF-8 text, a leading byte-order mark dropped (as a StreamReader would).</summary>
    private static string Decode(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8)) body = body[3..];
        return Encoding.UTF8.GetString(body);
    }

    /// <summary><c>Root=1-{epoch hex}-{24 hex};Parent={16 hex};Sampled=0</c>, as X-Ray formats it.</summary>
    private static string TraceId()
    {
        Span<byte> random = stackalloc byte[20];
        Random.Shared.NextBytes(random);
        var epoch = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"Root=1-{epoch:x8}-{Convert.ToHexStringLower(random[..12])};Parent={Convert.ToHexStringLower(random[12..])};Sampled=0";
    }
}
