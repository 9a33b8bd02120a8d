using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>A function that cannot start says why through the Runtime API instead of dying silently.</summary>
public sealed class InitErrorTests
{
    [Fact]
    public async Task StartupFailureIsPostedToInitError()
    {
        // GIVEN the published sample configured with a task longer than a Lambda worker may run
        var app = await SamplePublisher.PublishAsync(PublishMode.FrameworkDependent);
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var environment = LambdaEnvironment.For(emulator, app);
        environment["Foundry__ComputeDuration"] = "01:00:00";

        // WHEN it starts against the emulator
        await using var process = RuntimeProcess.Start(app.StartInfo(environment));

        // THEN the failure arrives at /init/error with a type and a message. The test waits for the post itself, not
        // for the process to exit plus a grace period: the emulator may record the post after the process is gone.
        var arrived = await Task.WhenAny(emulator.FirstInitError, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(arrived == emulator.FirstInitError,
            $"Nothing was posted to /init/error; the process {(process.HasExited ? $"exited with {process.ExitCode}" : "still runs")}. " +
            $"Its output:\n{process.Output}");
        var report = await emulator.FirstInitError;
        Assert.False(string.IsNullOrEmpty(report.ErrorType), report.Body);
        Assert.Contains("Foundry:ComputeDuration must be between", report.Body);
    }
}
