using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Runtime;
using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Runtime;

public class InvocationLoopTests
{
    [Fact]
    public async Task MalformedEventIsReportedAndTheNextEventStillSucceeds()
    {
        // GIVEN a running app
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        // WHEN a payload that is not JSON arrives, then a good event
        var malformed = await host.InvokeAsync("{\"version\": \"2.0\", ");
        var good = await host.InvokeAsync(TestEvents.HttpApi());

        // THEN the first is posted to /error as MalformedEvent and the second is served
        Assert.Equal("MalformedEvent", malformed.Error?.ErrorType);
        Assert.Contains("not valid JSON", malformed.Error!.ErrorMessage);
        Assert.Equal(200, good.Json.GetProperty("statusCode").GetInt32());
        Assert.Single(recorder.Requests);
    }

    [Theory]
    [InlineData("""{"detail-type": "Scheduled Event", "source": "aws.events"}""", "an object with properties detail-type, source")]
    [InlineData("42", "a JSON number")]
    [InlineData("[]", "a JSON array")]
    public async Task UnrecognizedEventNamesWhatWasExpectedAndWhatArrived(string payload, string described)
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        var result = await host.InvokeAsync(payload);
        var next = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal("UnrecognizedEvent", result.Error?.ErrorType);
        Assert.Contains("API Gateway REST API", result.Error!.ErrorMessage);
        Assert.Contains("Application Load Balancer", result.Error.ErrorMessage);
        Assert.Contains(described, result.Error.ErrorMessage);
        Assert.DoesNotContain(recorder.Requests, r => r.Path != "/hello");
        Assert.False(next.IsError);
    }

    [Fact]
    public async Task LambdaEventExceptionIsPostedWithItsErrorType()
    {
        await using var host = await StartWithHandlerAsync(new ThrowingHandler(new LambdaEventException("UnknownCommand", "No command 'x'.")));

        var result = await host.InvokeAsync("""{"testThrow": "x"}""");

        Assert.Equal("UnknownCommand", result.Error?.ErrorType);
        Assert.Equal("No command 'x'.", result.Error!.ErrorMessage);
        Assert.Contains(result.Error.StackTrace, line => line.Contains("UnknownCommand") || line.Contains("LambdaEventException"));
    }

    [Fact]
    public async Task OtherHandlerExceptionsArePostedWithTheExceptionTypeName()
    {
        await using var host = await StartWithHandlerAsync(new ThrowingHandler(new TimeoutException("queue did not answer")));

        var result = await host.InvokeAsync("""{"testThrow": "x"}""");
        var next = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal("TimeoutException", result.Error?.ErrorType);
        Assert.Equal("queue did not answer", result.Error!.ErrorMessage);
        Assert.False(next.IsError);
    }

    [Fact]
    public async Task HandlersAreOfferedTheEventInAscendingOrder()
    {
        var late = new EchoHandler(order: 50, name: "late");
        var early = new EchoHandler(order: 5, name: "early");
        await using var host = await LambdaAppHost.StartAsync(_ => { }, configureServices: services =>
        {
            services.AddSingleton<ILambdaEventHandler>(late);
            services.AddSingleton<ILambdaEventHandler>(early);
        });

        var result = await host.InvokeAsync("""{"ping": true}""");

        Assert.Equal("""{"handledBy":"early"}""", result.Payload);
    }

    [Fact]
    public async Task RequestAbortedFiresBeforeTheDeadline()
    {
        // GIVEN an app that waits for RequestAborted, on a clock the test moves, set to a whole millisecond: Lambda's
        // deadline is in whole milliseconds, and so are the timer's due times
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.SetResult(clock.GetUtcNow());
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            }
        }), options => options.DeadlineMargin = TimeSpan.FromSeconds(1),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

        // WHEN Lambda would end the invocation 2 s from now, and the clock reaches 1 ms short of the margin, then the margin
        var deadline = clock.GetUtcNow().AddSeconds(2);
        var result = host.InvokeAsync(TestEvents.HttpApi(), deadline: deadline);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var firedEarly = aborted.Task.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        // THEN the app is told exactly the margin before the deadline, not earlier, and its answer is posted
        Assert.False(firedEarly);
        Assert.Equal(deadline - TimeSpan.FromSeconds(1), await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(504, (await result).Json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task RequestAbortedDoesNotFireForAnInvocationWithinItsDeadline()
    {
        bool? canceled = null;
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            await Task.Delay(50);
            canceled = context.RequestAborted.IsCancellationRequested;
        }));

        await host.InvokeAsync(TestEvents.HttpApi(), deadline: DateTimeOffset.UtcNow.AddSeconds(30));
        await host.InvokeAsync(TestEvents.HttpApi(), deadline: DateTimeOffset.UtcNow.AddSeconds(30));

        Assert.False(canceled);
    }

    [Fact]
    public async Task DeadlineBeyondTimerRangeMeansNoDeadline()
    {
        bool? canceled = null;
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            canceled = context.RequestAborted.IsCancellationRequested;
            return Task.CompletedTask;
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi(), deadline: DateTimeOffset.FromUnixTimeMilliseconds(9_999_999_999_999));

        Assert.False(result.IsError, result.Error?.ErrorMessage);
        Assert.False(canceled);
    }

    [Fact]
    public async Task TraceIdIsExposedAsXRayEnvironmentVariableForEachInvocation()
    {
        string? seenByApp = null;
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            seenByApp = context.RequestServices.GetRequiredService<ILambdaEnvironment>().GetVariable("_X_AMZN_TRACE_ID");
            return Task.CompletedTask;
        }));

        await host.InvokeAsync(TestEvents.HttpApi(), traceId: "Root=1-5e9f0c65-1de4d666d4dd26aced652b6c;Sampled=1");
        var firstSeen = seenByApp;
        await host.InvokeAsync(TestEvents.HttpApi(), traceId: null);

        Assert.Equal("Root=1-5e9f0c65-1de4d666d4dd26aced652b6c;Sampled=1", firstSeen);
        Assert.Null(seenByApp);
    }

    [Fact]
    public async Task EveryLogLineOfAnInvocationCarriesItsRequestId()
    {
        string? traceIdentifier = null;
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            traceIdentifier = context.TraceIdentifier;
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("App").LogInformation("Computing {Thing}", "dna");
            return Task.CompletedTask;
        }));

        await host.InvokeAsync(TestEvents.HttpApi());

        var appLine = Assert.Single(host.Logs.Logs, l => l.Category == "App");
        Assert.Equal("req-1", appLine.AwsRequestId);
        Assert.Equal("req-1", traceIdentifier);
    }

    [Fact]
    public async Task StoppingTheHostEndsTheLoopCleanly()
    {
        var (host, _) = await LambdaAppHost.StartRecordingAsync();
        await host.InvokeAsync(TestEvents.HttpApi());

        var stopping = Stopwatch.StartNew();
        await host.App.StopAsync();

        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Contains(host.Logs.Logs, l => l.Message == "Lambda invocation loop stopped");
        Assert.DoesNotContain(host.Logs.Logs, l => l.Level >= LogLevel.Error);
        await host.App.DisposeAsync();
    }

    [Fact]
    public async Task UnreachableRuntimeApiStopsTheApplication()
    {
        var environment = FakeLambdaEnvironment.InsideLambda();
        var stopped = new TaskCompletionSource();
        var loop = new LambdaInvocationLoop(new UnreachableRuntimeClient(), [], environment, TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new ServerlessWebAppOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<LambdaInvocationLoop>.Instance,
            new StoppableLifetime(stopped));
        var exitCode = Environment.ExitCode;
        try
        {
            await loop.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(stopped.Task.IsCompleted);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = exitCode;
            loop.Dispose();
        }
    }

    private static Task<LambdaAppHost> StartWithHandlerAsync(ILambdaEventHandler handler) =>
        LambdaAppHost.StartAsync(_ => { }, configureServices: services =>
            services.TryAddEnumerable(ServiceDescriptor.Singleton(handler)));

    private sealed class ThrowingHandler(Exception exception) : ILambdaEventHandler
    {
        public int Order => 50;

        public bool CanHandle(JsonElement lambdaEvent) => lambdaEvent.TryGetProperty("testThrow", out _);

        public Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken) =>
            throw exception;
    }

    private sealed class EchoHandler(int order, string name) : ILambdaEventHandler
    {
        public int Order => order;

        public bool CanHandle(JsonElement lambdaEvent) => lambdaEvent.TryGetProperty("ping", out _);

        public Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken)
        {
            using var writer = new Utf8JsonWriter(response);
            writer.WriteStartObject();
            writer.WriteString("handledBy", name);
            writer.WriteEndObject();
            return Task.CompletedTask;
        }
    }

    private sealed class UnreachableRuntimeClient : ILambdaRuntimeClient
    {
        public Task<LambdaNextInvocation> GetNextInvocationAsync(CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");

        public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class StoppableLifetime(TaskCompletionSource stopped) : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => stopped.TrySetResult();
    }
}
