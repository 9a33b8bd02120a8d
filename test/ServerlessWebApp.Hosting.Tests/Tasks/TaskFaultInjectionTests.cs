using System.Collections.Concurrent;
using Amazon.SQS;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class TaskFaultInjectionTests : IClassFixture<DynaliteFixture>, IClassFixture<FakeSqsFixture>
{
    private const int TaskCount = 1000;
    private const int MaxReceiveCount = 3;

    private readonly DynaliteFixture _dynamo;
    private readonly FakeSqsFixture _sqs;

    public TaskFaultInjectionTests(DynaliteFixture dynamo, FakeSqsFixture sqs)
    {
        _dynamo = dynamo;
        _sqs = sqs;
    }

    private static bool AlwaysThrows(int n) => n % 100 == 0;

    private static bool ThrowsOnce(int n) => n % 10 == 5;

    private static int TaskNumber(string body) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(body, "\"sequence\":\"task-(\\d+)\"").Groups[1].Value);

    [Fact]
    public async Task EveryTaskEndsDoneOrDeadLetteredAndNoneRunsAgainAfterDone()
    {
        // GIVEN 1,000 tasks where 10% throw on their first attempt and 1% always throw, a queue that dead-letters
        // after 3 receives, a DynamoDB status table, duplicate deliveries and lost deletes
        var table = await _dynamo.CreateStatusTableAsync();
        var (queueUrl, deadLetterUrl) = _sqs.CreateQueues(MaxReceiveCount);
        using var sqs = _sqs.CreateClient();
        var attempts = new ConcurrentDictionary<int, int>();
        var completions = new ConcurrentDictionary<int, int>();
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: queueUrl, statusTable: table), services =>
        {
            services.AddSingleton(sqs);
            services.AddSingleton(_dynamo.Client);
        });
        app.MapTask<DnaJob>("compute-dna", (job, _, _) =>
        {
            var attempt = attempts.AddOrUpdate(job.Repeat, 1, (_, n) => n + 1);
            if (AlwaysThrows(job.Repeat) || (ThrowsOnce(job.Repeat) && attempt == 1))
            {
                throw new InvalidOperationException($"injected fault in task {job.Repeat} attempt {attempt}");
            }
            completions.AddOrUpdate(job.Repeat, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        });
        var queue = app.Services.GetRequiredService<ITaskQueue>();
        var taskIds = new string[TaskCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, TaskCount), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (n, ct) => taskIds[n] = await queue.EnqueueAsync("compute-dna", new DnaJob($"task-{n}", n), cancellationToken: ct));
        // SQS delivers at least once: 1 in 40 messages (always-failing ones among them) arrives twice
        var duplicated = new HashSet<int>();
        foreach (var message in _sqs.Server.Messages(queueUrl).Where(m => TaskNumber(m.Body) % 40 is 0 or 13))
        {
            await sqs.SendMessageAsync(queueUrl, message.Body);
            duplicated.Add(TaskNumber(message.Body));
        }
        // ... and the poller loses the delete of 1 in 20 successfully handled messages once, so SQS redelivers them after DONE
        var lostDeletes = new ConcurrentDictionary<string, bool>();
        var simulator = new SqsEventSourceSimulator(sqs, queueUrl, app.Handler<SqsTaskBatchHandler>())
        {
            RetryVisibilitySeconds = 1,
            LoseDeleteOf = message => TaskNumber(message.Body) % 20 == 3 && lostDeletes.TryAdd(message.MessageId, true),
        };

        // WHEN the event source mapping drains the queue
        await simulator.DrainAsync(pollers: 8, () => _sqs.Server.Messages(queueUrl).Count, TimeSpan.FromMinutes(2));

        // THEN every copy of each always-failing task, and nothing else, is in the dead-letter queue, after 3 receives each
        var status = app.Services.GetRequiredService<ITaskStatusStore>();
        var alwaysFailing = Enumerable.Range(0, TaskCount).Where(AlwaysThrows).ToArray();
        var deadLettered = _sqs.Server.Messages(deadLetterUrl).Select(m => TaskNumber(m.Body)).ToArray();
        Assert.All(deadLettered, n => Assert.True(AlwaysThrows(n), $"task {n} was dead-lettered but does not always fail"));
        Assert.All(alwaysFailing, n => Assert.Equal(duplicated.Contains(n) ? 2 : 1, deadLettered.Count(d => d == n)));
        Assert.All(alwaysFailing, n => Assert.InRange(attempts[n], MaxReceiveCount, MaxReceiveCount * (duplicated.Contains(n) ? 2 : 1)));
        Assert.Contains(alwaysFailing, duplicated.Contains);

        // AND every other task is DONE and completed exactly once, even with redeliveries after DONE
        for (var n = 0; n < TaskCount; n++)
        {
            var record = await status.GetAsync(taskIds[n]);
            Assert.NotNull(record);
            if (AlwaysThrows(n))
            {
                Assert.Equal(TaskState.Failed, record.State);
                Assert.False(completions.ContainsKey(n));
            }
            else
            {
                Assert.Equal(TaskState.Done, record.State);
                Assert.Equal(1, completions[n]);
                Assert.Equal(ThrowsOnce(n) ? 2 : 1, attempts[n]);
            }
        }
        Assert.Equal(TaskCount - alwaysFailing.Length, completions.Count);
        Assert.True(lostDeletes.Count > 0, "no delete was lost, so no redelivery after DONE was exercised");
        Assert.Contains(Enumerable.Range(0, TaskCount).Where(n => !AlwaysThrows(n)), duplicated.Contains);
    }
}
