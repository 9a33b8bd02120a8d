using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Tasks;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class ScheduledTaskHandlerTests : IAsyncDisposable
{
    private readonly TemporaryTaskDatabase _database = new("schedule");
    private readonly WebApplication _app;
    private readonly List<DnaJob> _ran = [];

    public ScheduledTaskHandlerTests()
    {
        // Status in the local SQLite store, so DONE-once across retries is observable without AWS.
        _app = TaskTestApp.Build(TaskTestApp.Local(),
            services => services.Configure<ServerlessWebAppTaskOptions>(o => o.LocalDatabasePath = _database.Path));
        _app.MapTask<DnaJob>("compute-dna", (job, _, _) => { _ran.Add(job); return Task.CompletedTask; });
        _app.MapTask<DnaJob>("explode", (_, _, _) => throw new InvalidOperationException("boom"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    private ScheduledTaskHandler Handler => _app.Handler<ScheduledTaskHandler>();

    private const string NightlyEvent =
        """{"serverlessWebApp":{"kind":"task","task":"compute-dna","payload":{"sequence":"GATTACA","repeat":2},"schedule":"nightly"}}""";

    [Fact]
    public async Task ScheduleRunsTheNamedTaskWithItsPayload()
    {
        // WHEN the EventBridge rule's input arrives
        var response = await Handler.InvokeAsync(NightlyEvent);

        // THEN the task ran with the payload and is DONE in the status store
        Assert.Equal([new DnaJob("GATTACA", 2)], _ran);
        Assert.Equal("DONE", response.GetProperty("state").GetString());
        Assert.Equal("nightly", response.GetProperty("schedule").GetString());
        var status = await _app.Services.GetRequiredService<ITaskStatusStore>().GetAsync(response.GetProperty("taskId").GetString()!);
        Assert.Equal(TaskState.Done, status!.State);
    }

    [Fact]
    public async Task RetriedScheduleInvocationDoesNotRunADoneTaskAgain()
    {
        // GIVEN a schedule invocation that ran to DONE
        await Handler.InvokeAsync(NightlyEvent, requestId: "req-1");

        // WHEN Lambda retries the same asynchronous invocation (same request id)
        var retry = await Handler.InvokeAsync(NightlyEvent, requestId: "req-1");

        // THEN the task is not run again; a new invocation (new request id) runs it again
        Assert.True(retry.GetProperty("alreadyDone").GetBoolean());
        Assert.Single(_ran);
        await Handler.InvokeAsync(NightlyEvent, requestId: "req-2");
        Assert.Equal(2, _ran.Count);
    }

    [Fact]
    public async Task FailingScheduledTaskFailsTheInvocation()
    {
        var error = await Assert.ThrowsAsync<LambdaEventException>(() => Handler.InvokeAsync(
            """{"serverlessWebApp":{"kind":"task","task":"explode","schedule":"hourly"}}"""));

        Assert.Equal("TaskFailed", error.ErrorType);
        Assert.Contains("boom", error.Message);
        Assert.Contains("hourly", error.Message);
    }

    [Fact]
    public async Task ScheduleNamingAnUnmappedTaskFailsListingTheKnownTasks()
    {
        var error = await Assert.ThrowsAsync<LambdaEventException>(() => Handler.InvokeAsync(
            """{"serverlessWebApp":{"kind":"task","task":"compute-rna"}}"""));

        Assert.Equal("TaskFailed", error.ErrorType);
        Assert.Contains("compute-dna, explode", error.Message);
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task ScheduleWithoutATaskNameIsMalformed()
    {
        var error = await Assert.ThrowsAsync<LambdaEventException>(() => Handler.InvokeAsync(
            """{"serverlessWebApp":{"kind":"task","payload":{}}}"""));

        Assert.Equal("MalformedEvent", error.ErrorType);
        Assert.Contains("serverlessWebApp.task", error.Message);
    }

    [Fact]
    public void ScheduledTasksComeAfterTheSqsWorker()
    {
        Assert.Equal(30, Handler.Order);
    }
}
