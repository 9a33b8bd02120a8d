using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Local;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class LocalTaskQueueTests : IDisposable
{
    private readonly TemporaryTaskDatabase _database = new("tasks");
    private readonly ConcurrentDictionary<int, int> _attempts = new();
    private readonly ConcurrentDictionary<int, int> _completions = new();

    public void Dispose() => _database.Dispose();

    private WebApplication BuildApp(TaskHandler<DnaJob>? handler = null, int concurrency = 2)
    {
        var app = TaskTestApp.Build(TaskTestApp.Local(), services => services.Configure<ServerlessWebAppTaskOptions>(o =>
        {
            o.LocalDatabasePath = _database.Path;
            o.LocalRetryDelay = TimeSpan.FromMilliseconds(20);
            o.LocalPollInterval = TimeSpan.FromMilliseconds(50);
            o.LocalConcurrency = concurrency;
        }));
        app.MapTask("compute-dna", handler ?? CountingHandler(throwsOnce: _ => false, alwaysThrows: _ => false));
        return app;
    }

    private TaskHandler<DnaJob> CountingHandler(Func<int, bool> throwsOnce, Func<int, bool> alwaysThrows) => (job, context, _) =>
    {
        var attempt = _attempts.AddOrUpdate(job.Repeat, 1, (_, n) => n + 1);
        if (alwaysThrows(job.Repeat) || (throwsOnce(job.Repeat) && attempt == 1))
        {
            throw new InvalidOperationException($"injected fault {job.Repeat}");
        }
        _completions.AddOrUpdate(job.Repeat, 1, (_, n) => n + 1);
        context.SetResult(new DnaResult(job.Sequence.Length), TaskTestJsonContext.Default.DnaResult);
        return Task.CompletedTask;
    };

    private static async Task<TaskStatusRecord> WaitForAsync(WebApplication app, string taskId, Func<TaskStatusRecord, bool> done)
    {
        var status = app.Services.GetRequiredService<ITaskStatusStore>();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var record = await status.GetAsync(taskId);
            if (record is not null && done(record)) return record;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Task {taskId} is {record?.State}, attempts {record?.Attempts}.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task LocalTaskRunsInProcessAndReachesDone()
    {
        // GIVEN an app running off Lambda
        await using var app = BuildApp();
        await app.StartAsync();

        // WHEN a task is enqueued
        var taskId = await app.Services.GetRequiredService<ITaskQueue>().EnqueueAsync("compute-dna", new DnaJob("ACGT", 1));

        // THEN the in-process worker runs it to DONE with its result, in the local SQLite file
        var record = await WaitForAsync(app, taskId, r => r.State == TaskState.Done);
        Assert.Equal("""{"length":4}""", record.ResultJson);
        Assert.Equal(1, record.Attempts);
        Assert.IsType<LocalTaskQueue>(app.Services.GetRequiredService<ITaskQueue>());
        Assert.True(File.Exists(_database.Path));
        await app.StopAsync();
    }

    [Fact]
    public async Task LocalTaskThatThrowsOnceIsRetriedToDone()
    {
        await using var app = BuildApp(CountingHandler(throwsOnce: _ => true, alwaysThrows: _ => false));
        await app.StartAsync();

        var taskId = await app.Services.GetRequiredService<ITaskQueue>().EnqueueAsync("compute-dna", new DnaJob("A", 7));

        var record = await WaitForAsync(app, taskId, r => r.State == TaskState.Done);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(1, _completions[7]);
        await app.StopAsync();
    }

    [Fact]
    public async Task LocalTaskThatAlwaysThrowsIsDeadLetteredAfterMaxReceives()
    {
        // GIVEN a task that always throws and the default of 3 deliveries
        await using var app = BuildApp(CountingHandler(throwsOnce: _ => false, alwaysThrows: _ => true));
        await app.StartAsync();

        // WHEN it is enqueued
        var taskId = await app.Services.GetRequiredService<ITaskQueue>().EnqueueAsync("compute-dna", new DnaJob("A", 9));

        // THEN it ends FAILED after 3 attempts, and its message is kept as dead-lettered, not dropped
        var messages = app.Services.GetRequiredService<SqliteTaskMessageStore>();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (await messages.CountAsync(dead: true, CancellationToken.None) == 0 && DateTime.UtcNow < until) await Task.Delay(20);
        var record = await WaitForAsync(app, taskId, r => r.State == TaskState.Failed);
        Assert.Equal(3, record.Attempts);
        Assert.Equal("InvalidOperationException: injected fault 9", record.Error);
        Assert.Equal(1, await messages.CountAsync(dead: true, CancellationToken.None));
        Assert.Equal(0, await messages.CountAsync(dead: false, CancellationToken.None));
        Assert.Equal(3, _attempts[9]);
        await app.StopAsync();
    }

    [Fact]
    public async Task PendingTasksRunAfterTheHostRestarts()
    {
        // GIVEN an app whose tasks block until it stops, with 20 tasks enqueued
        var taskIds = new List<string>();
        var started = new TaskCompletionSource();
        await using (var first = BuildApp((_, _, ct) => { started.TrySetResult(); return Task.Delay(Timeout.Infinite, ct); }, concurrency: 1))
        {
            await first.StartAsync();
            var queue = first.Services.GetRequiredService<ITaskQueue>();
            for (var n = 0; n < 20; n++) taskIds.Add(await queue.EnqueueAsync("compute-dna", new DnaJob("A", n)));
            await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

            // WHEN the app stops with one task running and 19 pending
            await first.StopAsync();
        }

        // AND a new app starts on the same file
        await using var second = BuildApp();
        await second.StartAsync();

        // THEN every task runs to DONE exactly once
        foreach (var taskId in taskIds) await WaitForAsync(second, taskId, r => r.State == TaskState.Done);
        Assert.Equal(20, _completions.Count);
        Assert.All(_completions.Values, count => Assert.Equal(1, count));
        await second.StopAsync();
    }

    [Fact]
    public async Task TaskInFlightWhenTheProcessDiedRunsAfterRestart()
    {
        // GIVEN a task claimed by a process that then died (its message is left in flight)
        string taskId;
        await using (var crashed = BuildApp())
        {
            taskId = await crashed.Services.GetRequiredService<ITaskQueue>().EnqueueAsync("compute-dna", new DnaJob("A", 3));
            var claimed = await crashed.Services.GetRequiredService<SqliteTaskMessageStore>().ClaimNextAsync(CancellationToken.None);
            Assert.Equal(taskId, claimed!.TaskId);
        }

        // WHEN the app starts again on the same file
        await using var restarted = BuildApp();
        await restarted.StartAsync();

        // THEN the task runs to DONE; the crashed delivery counts as a receive
        await WaitForAsync(restarted, taskId, r => r.State == TaskState.Done);
        Assert.Equal(1, _completions[3]);
        await restarted.StopAsync();
    }

    [Fact]
    public async Task LocalFaultInjectionEndsEveryTaskDoneOnceOrDeadLettered()
    {
        // GIVEN 1,000 local tasks where 10% throw once and 1% always throw
        const int count = 1000;
        static bool AlwaysThrows(int n) => n % 100 == 0;
        static bool ThrowsOnce(int n) => n % 10 == 5;
        await using var app = BuildApp(CountingHandler(ThrowsOnce, AlwaysThrows), concurrency: 4);
        var queue = app.Services.GetRequiredService<ITaskQueue>();
        var taskIds = new string[count];
        for (var n = 0; n < count; n++) taskIds[n] = await queue.EnqueueAsync("compute-dna", new DnaJob("A", n));

        // WHEN the in-process worker drains the queue
        await app.StartAsync();
        var messages = app.Services.GetRequiredService<SqliteTaskMessageStore>();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await messages.CountAsync(dead: false, CancellationToken.None) > 0 && DateTime.UtcNow < until) await Task.Delay(50);
        await app.StopAsync();

        // THEN the always-failing tasks are dead-lettered after 3 attempts and every other task is DONE, completed once
        var status = app.Services.GetRequiredService<ITaskStatusStore>();
        Assert.Equal(0, await messages.CountAsync(dead: false, CancellationToken.None));
        Assert.Equal(count / 100, await messages.CountAsync(dead: true, CancellationToken.None));
        for (var n = 0; n < count; n++)
        {
            var record = await status.GetAsync(taskIds[n]);
            Assert.Equal(AlwaysThrows(n) ? TaskState.Failed : TaskState.Done, record!.State);
            Assert.Equal(AlwaysThrows(n) ? 3 : ThrowsOnce(n) ? 2 : 1, _attempts[n]);
            Assert.Equal(AlwaysThrows(n) ? 0 : 1, _completions.GetValueOrDefault(n));
        }
    }

    [Fact]
    public async Task SameDeduplicationKeyEnqueuesOneLocalTask()
    {
        await using var app = BuildApp();
        var queue = app.Services.GetRequiredService<ITaskQueue>();
        var options = new TaskEnqueueOptions { DeduplicationKey = "nightly-2026-11-23" };

        var first = await queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), options);
        var second = await queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), options);

        Assert.Equal(first, second);
        Assert.Equal(1, await app.Services.GetRequiredService<SqliteTaskMessageStore>().CountAsync(dead: false, CancellationToken.None));
    }

    [Fact]
    public async Task DelayedLocalTaskWaitsForItsDelay()
    {
        // GIVEN one worker, a task delayed by 10 minutes and then one due now
        await using var app = BuildApp(concurrency: 1);
        await app.StartAsync();
        var queue = app.Services.GetRequiredService<ITaskQueue>();
        var delayed = await queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), new TaskEnqueueOptions { Delay = TimeSpan.FromMinutes(10) });
        var due = await queue.EnqueueAsync("compute-dna", new DnaJob("A", 2));

        // WHEN the worker has run the one due now (it claims in order, one at a time: a visible delayed task would have run first)
        await WaitForAsync(app, due, r => r.State == TaskState.Done);

        // THEN the delayed one has not been touched
        var record = await app.Services.GetRequiredService<ITaskStatusStore>().GetAsync(delayed);
        Assert.Equal(TaskState.Received, record!.State);
        Assert.False(_attempts.ContainsKey(1));
        await app.StopAsync();
    }
}
