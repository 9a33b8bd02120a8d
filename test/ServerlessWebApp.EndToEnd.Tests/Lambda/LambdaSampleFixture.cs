using System.Text.Json;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>
/// The published sample (framework-dependent, published once per test run) running as a real child process against
/// a Runtime API emulator, exactly as the managed dotnet10 runtime would start it. Killed when the collection ends.
/// </summary>
public sealed class LambdaSampleFixture : IAsyncLifetime
{
    public static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);

    public LambdaRuntimeApiEmulator Emulator { get; private set; } = null!;
    public RuntimeProcess Process { get; private set; } = null!;
    public PublishedApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            App = await SamplePublisher.PublishAsync(PublishMode.FrameworkDependent);
            Emulator = await LambdaRuntimeApiEmulator.StartAsync();
            var environment = LambdaEnvironment.For(Emulator, App);
            environment["Logging__LogLevel__Default"] = "Warning";
            Process = RuntimeProcess.Start(App.StartInfo(environment));
        }
        catch
        {
            await DisposeAsync(); // a half-started fixture must not leave a process behind
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
        if (Emulator is not null) await Emulator.DisposeAsync();
        Process = null!;
        Emulator = null!;
    }

    /// <summary>Invokes and returns whatever the runtime answered; a timeout fails with the process output.</summary>
    public async Task<InvocationResult> InvokeAsync(string eventJson)
    {
        try
        {
            return await Emulator.InvokeAsync(eventJson, InvokeTimeout);
        }
        catch (TimeoutException e)
        {
            var state = Process.HasExited ? $"exited with code {Process.ExitCode}" : "still running";
            throw new TimeoutException($"{e.Message} The sample process is {state}. Its output:\n{Process.Output}", e);
        }
    }

    /// <summary>Invokes an HTTP-shaped event and requires a successful invocation with an HTTP-shaped response.</summary>
    public async Task<HttpResponseShape> InvokeHttpAsync(string eventJson)
    {
        var result = await InvokeAsync(eventJson);
        Assert.True(result.Succeeded, $"The invocation failed: {result}\nProcess output:\n{Process.Output}");
        return new HttpResponseShape(result.Json());
    }
}
