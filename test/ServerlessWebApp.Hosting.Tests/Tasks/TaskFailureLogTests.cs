using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Contract;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>
/// The construct's task-failure alarm counts worker log lines through a metric filter on two JSON fields
/// (<c>SwaTaskFailureLog</c> in the contract). These tests run tasks through the runtime and read the lines its Lambda JSON
/// formatter writes: a failed attempt must carry both fields as strings, a successful run must not.
/// </summary>
public sealed class TaskFailureLogTests : IAsyncDisposable
{
    private readonly TemporaryTaskDatabase _database = new("failure-log");
    private readonly CapturingLoggerProvider _logs = new();
    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;

    public TaskFailureLogTests()
    {
        _app = TaskTestApp.Build(TaskTestApp.Local(), services =>
        {
            services.Configure<ServerlessWebAppTaskOptions>(o => o.LocalDatabasePath = _database.Path);
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        _app.MapTask<DnaJob>("compute-dna", (_, _, _) => Task.CompletedTask);
        _app.MapTask<DnaJob>("explode", (_, _, _) => throw new InvalidOperationException("sequencer offline"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task AFailedAttemptIsOneLineWithTheTaskIdAndErrorFieldsTheFailureFilterCounts()
    {
        // WHEN a task's handler throws
        await Assert.ThrowsAsync<LambdaEventException>(() => _app.Handler<ScheduledTaskHandler>().InvokeAsync(
            """{"serverlessWebApp":{"kind":"task","task":"explode","schedule":"hourly"}}"""));

        // THEN exactly one JSON line carries both fields the filter matches on, as strings, at WARN
        var counted = _logs.Logs.Select(l => JsonDocument.Parse(l.JsonLine).RootElement).Where(CountedByTheFailureFilter).ToList();
        var line = Assert.Single(counted);
        Assert.Equal("WARN", line.GetProperty("level").GetString());
        Assert.False(string.IsNullOrEmpty(line.GetProperty(SwaTaskFailureLog.TaskIdField).GetString()));
        Assert.Contains("sequencer offline", line.GetProperty(SwaTaskFailureLog.ErrorField).GetString());
    }

    [Fact]
    public async Task ASuccessfulRunWritesNoLineTheFailureFilterCounts()
    {
        await _app.Handler<ScheduledTaskHandler>().InvokeAsync(
            """{"serverlessWebApp":{"kind":"task","task":"compute-dna","payload":{"sequence":"GATTACA","repeat":1}}}""");

        Assert.NotEmpty(_logs.Logs);
        Assert.DoesNotContain(_logs.Logs, l => CountedByTheFailureFilter(JsonDocument.Parse(l.JsonLine).RootElement));
    }

    /// <summary>The metric filter <c>{ ($.TaskId = "*") &amp;&amp; ($.Error = "*") }</c>: both fields present as strings.</summary>
    private static bool CountedByTheFailureFilter(JsonElement line) =>
        line.TryGetProperty(SwaTaskFailureLog.TaskIdField, out var id) && id.ValueKind == JsonValueKind.String
        && line.TryGetProperty(SwaTaskFailureLog.ErrorField, out var error) && error.ValueKind == JsonValueKind.String;
}
