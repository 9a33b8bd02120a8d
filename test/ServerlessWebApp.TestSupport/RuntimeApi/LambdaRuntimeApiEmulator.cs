using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServerlessWebApp.TestSupport.RuntimeApi;

/// <summary>
/// A Lambda Runtime API (version 2018-06-01) on 127.0.0.1 and a free port, for running a real runtime process in
/// tests and benchmarks. Point the process at <see cref="Address"/> through <c>AWS_LAMBDA_RUNTIME_API</c>, then
/// call <see cref="InvokeAsync"/>: the event waits until the runtime's <c>GET .../invocation/next</c> long-poll takes
/// it, and the call returns what the runtime posts to <c>.../invocation/{id}/response</c> or <c>/error</c>.
/// Events are delivered one at a time in the order they were invoked, as Lambda does for one execution environment.
/// </summary>
public sealed class LambdaRuntimeApiEmulator : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    // Synchronous continuations: an invoke hands the event straight to the waiting /next request, no thread hop.
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>(
        new UnboundedChannelOptions { AllowSynchronousContinuations = true });
    private readonly ConcurrentDictionary<string, PendingInvocation> _invocations = new();
    private readonly ConcurrentQueue<InitErrorReport> _initErrors = new();
    private readonly TaskCompletionSource<InitErrorReport> _firstInitError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RuntimeApiEmulatorOptions _options;
    private readonly WebApplication _app;
    private int _nextPolls;
    private int _disposed;
    private long _firstPollTimestamp;

    private LambdaRuntimeApiEmulator(WebApplication app, RuntimeApiEmulatorOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary><c>127.0.0.1:PORT</c>, the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>How many <c>/next</c> requests the runtime has made (each one is a long-poll).</summary>
    public int NextPollCount => Volatile.Read(ref _nextPolls);

    /// <summary><see cref="Stopwatch"/> timestamp of the runtime's first <c>/next</c>, 0 before it.</summary>
    public long FirstPollTimestamp => Interlocked.Read(ref _firstPollTimestamp);

    /// <summary>Every start-up failure posted to <c>/init/error</c>.</summary>
    public IReadOnlyCollection<InitErrorReport> InitErrors => _initErrors.ToArray();

    /// <summary>Completes when the runtime posts its first <c>/init/error</c>.</summary>
    public Task<InitErrorReport> FirstInitError => _firstInitError.Task;

    public static async Task<LambdaRuntimeApiEmulator> StartAsync(RuntimeApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new LambdaRuntimeApiEmulator(app, options ?? new RuntimeApiEmulatorOptions());
        emulator.MapRoutes();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        emulator.Address = new Uri(address).Authority;
        return emulator;
    }

    /// <summary>
    /// Queues <paramref name="eventJson"/> for the runtime and waits for its answer. An error the runtime posts is a
    /// result (<see cref="InvocationResult.Outcome"/>), not an exception; no answer within <paramref name="timeout"/>
    /// throws <see cref="TimeoutException"/> and the event is withdrawn if it was not yet delivered.
    /// </summary>
    public async Task<InvocationResult> InvokeAsync(string eventJson, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var invocation = Enqueue(eventJson);
        try
        {
            return await invocation.Completion.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            invocation.Abandon();
            throw new TimeoutException(
                $"The runtime did not answer invocation {invocation.RequestId} within {timeout.TotalSeconds:0.###} s " +
                $"(/next polls so far: {NextPollCount}, init errors: {_initErrors.Count}).");
        }
    }

    /// <summary>
    /// Queues an event without waiting; await the returned task for the answer. Lets a benchmark queue the first
    /// event before the runtime process even starts.
    /// </summary>
    public Task<InvocationResult> Enqueue(string eventJson, out string requestId)
    {
        var invocation = Enqueue(eventJson);
        requestId = invocation.RequestId;
        return invocation.Completion;
    }

    private PendingInvocation Enqueue(string eventJson)
    {
        var invocation = new PendingInvocation(Guid.NewGuid().ToString(), eventJson);
        _invocations[invocation.RequestId] = invocation;
        if (!_queue.Writer.TryWrite(invocation)) throw new ObjectDisposedException(nameof(LambdaRuntimeApiEmulator));
        return invocation;
    }

    private void MapRoutes()
    {
        _app.MapGet(Prefix + "/invocation/next", NextAsync);
        _app.MapPost(Prefix + "/invocation/{requestId}/response", ResponseAsync);
        _app.MapPost(Prefix + "/invocation/{requestId}/error", ErrorAsync);
        _app.MapPost(Prefix + "/init/error", InitErrorAsync);
    }

    private async Task NextAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _nextPolls) == 1) Interlocked.Exchange(ref _firstPollTimestamp, Stopwatch.GetTimestamp());
        PendingInvocation invocation;
        try
        {
            do invocation = await _queue.Reader.ReadAsync(context.RequestAborted);
            while (invocation.IsAbandoned);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return;
        }

        invocation.MarkDelivered();
        var deadline = DateTimeOffset.UtcNow.Add(_options.FunctionTimeout).ToUnixTimeMilliseconds();
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = _options.FunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = TraceId();
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = invocation.EventUtf8.Length;
        await context.Response.Body.WriteAsync(invocation.EventUtf8, context.RequestAborted);
    }

    private async Task ResponseAsync(HttpContext context, string requestId)
    {
        if (!_invocations.TryGetValue(requestId, out var invocation)) { await RejectUnknownAsync(context, requestId); return; }
        var body = await ReadBodyAsync(context);
        if (Encoding.UTF8.GetByteCount(body) > _options.MaxResponseBytes)
        {
            invocation.TryComplete(InvocationOutcome.ResponseTooLarge, body, "Function.ResponseSizeTooLarge");
            await WriteStatusAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge",
                $"Exceeded maximum allowed payload size ({_options.MaxResponseBytes} bytes).");
            return;
        }
        await CompleteAsync(context, invocation, InvocationOutcome.Response, body, errorType: null);
    }

    private async Task ErrorAsync(HttpContext context, string requestId)
    {
        if (!_invocations.TryGetValue(requestId, out var invocation)) { await RejectUnknownAsync(context, requestId); return; }
        var body = await ReadBodyAsync(context);
        var errorType = context.Request.Headers[ErrorTypeHeader].ToString();
        await CompleteAsync(context, invocation, InvocationOutcome.Error, body, errorType.Length == 0 ? null : errorType);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        var errorType = context.Request.Headers[ErrorTypeHeader].ToString();
        var report = new InitErrorReport(errorType.Length == 0 ? null : errorType, body, Stopwatch.GetTimestamp());
        _initErrors.Enqueue(report);
        _firstInitError.TrySetResult(report);
        // Lambda fails the invocation that was waiting for the environment to start.
        foreach (var waiting in _invocations.Values) waiting.TryComplete(InvocationOutcome.InitError, body, report.ErrorType);
        await WriteAcceptedAsync(context);
    }

    private async Task CompleteAsync(HttpContext context, PendingInvocation invocation, InvocationOutcome outcome, string body, string? errorType)
    {
        if (!invocation.TryComplete(outcome, body, errorType))
        {
            await WriteStatusAsync(context, StatusCodes.Status403Forbidden, "InvalidStateTransition",
                $"Invocation {invocation.RequestId} was already answered.");
            return;
        }
        _invocations.TryRemove(invocation.RequestId, out _);
        await WriteAcceptedAsync(context);
    }

    private static Task RejectUnknownAsync(HttpContext context, string requestId) =>
        WriteStatusAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestID", $"Unknown request id {requestId}.");

    private static Task WriteAcceptedAsync(HttpContext context) =>
        WriteJsonAsync(context, StatusCodes.Status202Accepted, "{\"status\":\"OK\"}");

    private static Task WriteStatusAsync(HttpContext context, int status, string errorType, string message) =>
        WriteJsonAsync(context, status, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["errorMessage"] = message,
            ["errorType"] = errorType,
        }));

    private static Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static string TraceId()
    {
        var epochHex = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        var random = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 12));
        var parent = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 8));
        return $"Root=1-{epochHex}-{random};Parent={parent};Sampled=0";
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.Writer.TryComplete();
        foreach (var invocation in _invocations.Values) invocation.Cancel();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }
}
