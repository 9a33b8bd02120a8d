using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Serverless.WebApp.Hosting.Runtime;
using Serverless.WebApp.Hosting.Server;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// <c>invoke &lt;event.json | METHOD /path [body]&gt;</c> outside Lambda, the local twin of <c>aws lambda invoke</c>: runs
/// one event through the same <see cref="LambdaInvocationLoop"/> and event handlers as on Lambda, with the app's
/// configuration, and prints the response payload Lambda would return (exit code 0) or the error Lambda would report,
/// as <c>{"errorMessage", "errorType", "stackTrace"}</c> (exit code 1). Logs go to standard error, so standard output
/// holds only the payload. Wrong arguments print the usage and exit with 2.
/// </summary>
internal sealed class LocalInvokeServer : LocalRunServer
{
    /// <summary>The function's time-out as the construct deploys it by default: the invocation's deadline.</summary>
    internal static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonWriterOptions ErrorJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LocalInvokeLine _invokeLine;
    private readonly LambdaHttpApplication _application;
    private readonly LambdaInvocationLoop _loop;
    private readonly LocalInvocationClient _client;
    private readonly TimeProvider _clock;
    private readonly IHostEnvironment _environment;

    public LocalInvokeServer(LocalInvokeLine invokeLine, LambdaHttpApplication application, LambdaInvocationLoop loop,
        LocalInvocationClient client, TimeProvider clock, IHostEnvironment environment, LocalCommandConsole console,
        IHostApplicationLifetime lifetime) : base(console, lifetime)
    {
        _invokeLine = invokeLine;
        _application = application;
        _loop = loop;
        _client = client;
        _clock = clock;
        _environment = environment;
    }

    protected override string Description => LocalInvokeLine.Verb;

    protected override void OnStarting(IHttpApplicationAdapter application) => _application.Start(application);

    protected override void OnStopped() => _application.Stop();

    protected override async Task<int> RunOnceAsync(CancellationToken stopping)
    {
        var now = _clock.GetUtcNow();
        var lambdaEvent = LocalInvokeEvent.TryCreate(_invokeLine.Args, Environment.CurrentDirectory, now, out var error);
        if (lambdaEvent is null)
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(LocalInvokeLine.Usage).ConfigureAwait(false);
            return UsageExitCode;
        }

        var next = new LambdaNextInvocation(
            Guid.NewGuid().ToString(),
            (now + FunctionTimeout).ToUnixTimeMilliseconds(),
            $"arn:aws:lambda:{Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1"}:000000000000:function:{_environment.ApplicationName}:live",
            null,
            lambdaEvent);
        await _loop.RunInvocationAsync(next).ConfigureAwait(false);

        if (_client.Error is { } report)
        {
            await Console.Output.WriteLineAsync(ErrorJson(report)).ConfigureAwait(false);
            return 1;
        }
        await Console.Output.WriteLineAsync(Encoding.UTF8.GetString(_client.Response ?? [])).ConfigureAwait(false);
        return 0;
    }

    private static string ErrorJson(LambdaErrorReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, ErrorJsonOptions)) report.WriteTo(json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
