using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Serverless.WebApp.TestSupport.RuntimeApi.Http;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// The Runtime API routes (version 2018-06-01) over <see cref="LoopbackHttpServer"/>: <c>GET invocation/next</c>,
/// <c>POST invocation/{id}/response</c>, <c>POST invocation/{id}/error</c> and <c>POST init/error</c>, answered as
/// Lambda answers them. Status lines and fixed headers are pre-formatted bytes.
/// </summary>
internal sealed class RuntimeApiRouter : IHttpRequestHandler
{
    private static ReadOnlySpan<byte> Prefix => "/2018-06-01/runtime/"u8;
    private static ReadOnlySpan<byte> InvocationPrefix => "invocation/"u8;
    private static ReadOnlySpan<byte> ErrorTypeHeader => "Lambda-Runtime-Function-Error-Type"u8;
    private static ReadOnlySpan<byte> OkJsonHead => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"u8;
    private static ReadOnlySpan<byte> AcceptedHead => "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n"u8;
    private static ReadOnlySpan<byte> AcceptedBody => "{\"status\":\"OK\"}"u8;
    private static ReadOnlySpan<byte> BadRequestHead => "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"u8;
    private static ReadOnlySpan<byte> ForbiddenHead => "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n"u8;
    private static ReadOnlySpan<byte> NotFoundHead => "HTTP/1.1 404 Not Found\r\n"u8;
    private static ReadOnlySpan<byte> MethodNotAllowedHead => "HTTP/1.1 405 Method Not Allowed\r\n"u8;
    private static ReadOnlySpan<byte> TooLargeHead => "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"u8;
    private static ReadOnlySpan<byte> RequestIdPrefix => "Lambda-Runtime-Aws-Request-Id: "u8;
    private static ReadOnlySpan<byte> DeadlinePrefix => "Lambda-Runtime-Deadline-Ms: "u8;
    private static ReadOnlySpan<byte> TraceIdPrefix => "Lambda-Runtime-Trace-Id: "u8;

    private readonly RuntimeApiState _state;
    private readonly ConcurrentDictionary<string, PendingInvocation>.AlternateLookup<ReadOnlySpan<char>> _invocations;
    private readonly byte[] _functionArnHeader;

    public RuntimeApiRouter(RuntimeApiState state)
    {
        _state = state;
        _invocations = state.Invocations.GetAlternateLookup<ReadOnlySpan<char>>();
        _functionArnHeader = Encoding.UTF8.GetBytes($"Lambda-Runtime-Invoked-Function-Arn: {state.Options.FunctionArn}\r\n");
    }

    public ValueTask HandleAsync(RawHttpRequest request, HttpResponseWriter response)
    {
        var path = request.Path;
        var isPost = request.Method.SequenceEqual("POST"u8);
        if (path.StartsWith(Prefix))
        {
            var route = path[Prefix.Length..];
            if (route.SequenceEqual("invocation/next"u8))
                return request.Method.SequenceEqual("GET"u8) ? NextAsync(response) : MethodNotAllowed(response);
            if (route.SequenceEqual("init/error"u8))
                return isPost ? InitError(request, response) : MethodNotAllowed(response);
            if (route.StartsWith(InvocationPrefix))
            {
                var rest = route[InvocationPrefix.Length..];
                var slash = rest.IndexOf((byte)'/');
                if (slash > 0)
                {
                    var requestId = rest[..slash];
                    var action = rest[(slash + 1)..];
                    if (action.SequenceEqual("response"u8))
                        return isPost ? Answer(request, response, requestId, InvocationOutcome.Response) : MethodNotAllowed(response);
                    if (action.SequenceEqual("error"u8))
                        return isPost ? Answer(request, response, requestId, InvocationOutcome.Error) : MethodNotAllowed(response);
                }
            }
        }
        response.Start(NotFoundHead);
        response.Send([]);
        return ValueTask.CompletedTask;
    }

    private async ValueTask NextAsync(HttpResponseWriter response)
    {
        _state.CountPoll();
        while (true)
        {
            var take = _state.Queue.TakeAsync();
            var waited = !take.IsCompleted;
            if (waited)
            {
                response.Flush(); // answers to earlier pipelined requests must not wait with this poll
                _state.WaitingPolls.TryAdd(response, 0);
            }
            PendingInvocation invocation;
            try
            {
                invocation = await take;
            }
            catch (OperationCanceledException)
            {
                response.Abort(); // the emulator is shutting down: release the long-poll
                return;
            }
            finally
            {
                if (waited) _state.WaitingPolls.TryRemove(response, out _);
            }
            if (invocation.IsAbandoned) continue;
            if (waited && response.IsPeerClosed())
            {
                // the runtime went away during its long-poll: the event stays for the next runtime, in its place
                _state.Queue.Requeue(invocation);
                response.Abort();
                return;
            }
            Deliver(invocation, response);
            return;
        }
    }

    private void Deliver(PendingInvocation invocation, HttpResponseWriter response)
    {
        invocation.MarkDelivered();
        var deadline = DateTimeOffset.UtcNow.Add(_state.Options.FunctionTimeout).ToUnixTimeMilliseconds();
        response.Start(OkJsonHead);
        response.Header(RequestIdPrefix, invocation.RequestId);
        response.Header(DeadlinePrefix, deadline);
        response.Write(_functionArnHeader);
        response.Write(TraceIdPrefix);
        WriteTraceId(response);
        response.Write("\r\n"u8);
        response.Send(invocation.EventUtf8);
    }

    private ValueTask Answer(RawHttpRequest request, HttpResponseWriter response, ReadOnlySpan<byte> requestIdBytes, InvocationOutcome outcome)
    {
        var answered = Stopwatch.GetTimestamp();
        PendingInvocation? invocation = null;
        if (requestIdBytes.Length <= 64 && !requestIdBytes.Contains((byte)'%'))
        {
            // the usual case: look the id up without allocating a string for it
            Span<char> requestId = stackalloc char[64];
            _invocations.TryGetValue(requestId[..Encoding.UTF8.GetChars(requestIdBytes, requestId)], out invocation);
        }
        if (invocation is null)
        {
            var id = Uri.UnescapeDataString(Encoding.UTF8.GetString(requestIdBytes));
            if (!_state.Invocations.TryGetValue(id, out invocation))
                return Json(response, BadRequestHead, "InvalidRequestID", $"Unknown request id {id}.");
        }

        var body = request.Body.Span;
        if (outcome == InvocationOutcome.Response && body.Length > _state.Options.MaxResponseBytes)
        {
            if (invocation.TryClaimAnswer())
                invocation.Complete(InvocationOutcome.ResponseTooLarge, Decode(body), "Function.ResponseSizeTooLarge", answered);
            return Json(response, TooLargeHead, "RequestEntityTooLarge",
                $"Exceeded maximum allowed payload size ({_state.Options.MaxResponseBytes} bytes).");
        }
        if (!invocation.TryClaimAnswer())
            return Json(response, ForbiddenHead, "InvalidStateTransition", $"Invocation {invocation.RequestId} was already answered.");

        _state.Invocations.TryRemove(invocation.RequestId, out _);
        var result = Decode(body);
        var errorType = outcome == InvocationOutcome.Error ? ErrorType(request) : null;
        // 202 first: the runtime goes on to its next /next while the caller's continuation runs here
        Accepted(response);
        invocation.Complete(outcome, result, errorType, answered);
        return ValueTask.CompletedTask;
    }

    private ValueTask InitError(RawHttpRequest request, HttpResponseWriter response)
    {
        var body = Decode(request.Body.Span);
        var report = new InitErrorReport(ErrorType(request), body, Stopwatch.GetTimestamp());
        _state.RecordInitError(report);
        // Lambda fails the invocation that was waiting for the environment to start.
        foreach (var waiting in _state.Invocations)
        {
            if (waiting.Value.TryClaimAnswer()) waiting.Value.Complete(InvocationOutcome.InitError, body, report.ErrorType, report.Timestamp);
        }
        return Accepted(response);
    }

    private static ValueTask Accepted(HttpResponseWriter response)
    {
        response.Start(AcceptedHead);
        response.Send(AcceptedBody);
        return ValueTask.CompletedTask;
    }

    private static ValueTask MethodNotAllowed(HttpResponseWriter response)
    {
        response.Start(MethodNotAllowedHead);
        response.Send([]);
        return ValueTask.CompletedTask;
    }

    private static ValueTask Json(HttpResponseWriter response, ReadOnlySpan<byte> head, string errorType, string message)
    {
        var json = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", message);
            writer.WriteString("errorType", errorType);
            writer.WriteEndObject();
        }
        response.Start(head);
        response.Send(json.WrittenSpan);
        return ValueTask.CompletedTask;
    }

    private static string? ErrorType(RawHttpRequest request) =>
        request.TryGetHeader(ErrorTypeHeader, out var value) && !value.IsEmpty ? Encoding.UTF8.GetString(value) : null;

    /// <summary>UTF-8 text, a leading byte-order mark dropped (as a StreamReader would).</summary>
    private static string Decode(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8)) body = body[3..];
        return Encoding.UTF8.GetString(body);
    }

    /// <summary><c>Root=1-{epoch hex}-{24 hex};Parent={16 hex};Sampled=0</c> written in place.</summary>
    private static void WriteTraceId(HttpResponseWriter response)
    {
        Span<byte> random = stackalloc byte[20];
        Random.Shared.NextBytes(random);
        var span = response.GetSpan(80);
        "Root=1-"u8.CopyTo(span);
        var position = 7;
        var epoch = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        epoch.TryFormat(span[position..], out _, "x8", System.Globalization.CultureInfo.InvariantCulture);
        position += 8;
        span[position++] = (byte)'-';
        position += Hex(random[..12], span[position..]);
        ";Parent="u8.CopyTo(span[position..]);
        position += 8;
        position += Hex(random[12..], span[position..]);
        ";Sampled=0"u8.CopyTo(span[position..]);
        response.Advance(position + 10);
    }

    private static int Hex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        var digits = "0123456789abcdef"u8;
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return bytes.Length * 2;
    }
}
