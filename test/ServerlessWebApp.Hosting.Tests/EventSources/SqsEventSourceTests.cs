using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.EventSources;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tests.Tasks;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

public sealed class SqsEventSourceTests
{
    private const string Queue = "arn:aws:sqs:us-east-2:123456789012:my-queue";
    private const string FirstMessage = "059f36b4-87a3-44ab-83d2-661975830a7d";
    private const string SecondMessage = "2e1424d4-f796-459a-8184-9c92662be6da";

    [Fact]
    public async Task RecordedBatchRunsEveryMessageAndReportsNoFailures()
    {
        var received = new List<SqsMessage>();
        await using var host = await EventSourceTestHost.StartAsync($"orders={Queue}", app =>
            app.MapEvent<SqsMessage>("orders", (message, _, _) => { received.Add(message); return Task.CompletedTask; }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("sqs/batch.json"));

        Assert.Empty(EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal([FirstMessage, SecondMessage], received.Select(m => m.MessageId));
        Assert.All(received, m => Assert.Equal("test", m.Body));
        Assert.Equal("1545082649183", received[0].Attributes!["SentTimestamp"]);
    }

    [Fact]
    public async Task OnlyTheFailingMessageIsReportedAndTheRestOfTheBatchStillRuns()
    {
        var ran = new List<string>();
        await using var host = await EventSourceTestHost.StartAsync($"orders={Queue}", app =>
            app.MapEvent<SqsMessage>("orders", (message, _, _) =>
            {
                ran.Add(message.MessageId);
                return message.MessageId == FirstMessage ? throw new InvalidOperationException("bad order") : Task.CompletedTask;
            }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("sqs/batch.json"));

        Assert.Equal([FirstMessage], EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal([FirstMessage, SecondMessage], ran);
    }

    [Fact]
    public async Task BinaryMessageAttributesAreDecoded()
    {
        // GIVEN the recorded event with string, number and binary message attributes
        SqsMessage? received = null;
        await using var host = await EventSourceTestHost.StartAsync("queue=arn:aws:sqs:us-west-2:123456789012:SQSQueue", app =>
            app.MapEvent<SqsMessage>("queue", (message, _, _) => { received = message; return Task.CompletedTask; }));

        await host.Runtime.InvokeAsync(await File.ReadAllBytesAsync(RepositoryPaths.LambdaEvent("sqs-event.json")));

        var attributes = received!.MessageAttributes!;
        Assert.Equal("1100", Encoding.UTF8.GetString(attributes["Attribute3"].BinaryValue!));
        Assert.Equal(["0", "1", "0"], attributes["Attribute3"].BinaryListValues!.Select(b => Encoding.UTF8.GetString(b)));
        Assert.Equal(("Number", "123"), (attributes["Attribute2"].DataType, attributes["Attribute2"].StringValue));
    }

    [Fact]
    public async Task FifoQueueStopsAtTheFirstFailureSoMessageGroupOrderIsKept()
    {
        // GIVEN a FIFO queue batch of three messages, the second of which fails
        var fifo = "arn:aws:sqs:us-east-2:123456789012:orders.fifo";
        var batch = EventSourceTestHost.Fixture("sqs/batch.json").Replace(Queue, fifo, StringComparison.Ordinal);
        var json = System.Text.Json.Nodes.JsonNode.Parse(batch)!;
        var third = json["Records"]![1]!.DeepClone();
        third["messageId"] = "third";
        json["Records"]!.AsArray().Add(third);
        var ran = new List<string>();
        await using var host = await EventSourceTestHost.StartAsync($"orders={fifo}", app =>
            app.MapEvent<SqsMessage>("orders", (message, _, _) =>
            {
                ran.Add(message.MessageId);
                return message.MessageId == SecondMessage ? throw new InvalidOperationException("out of stock") : Task.CompletedTask;
            }));

        var result = await host.InvokeAsync(json.ToJsonString());

        // THEN the failed message and every one after it are reported, and none after it ran
        Assert.Equal([SecondMessage, "third"], EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal([FirstMessage, SecondMessage], ran);
    }

    [Fact]
    public async Task MessageThatDoesNotDeserialiseFailsAloneAndIsLogged()
    {
        var batch = System.Text.Json.Nodes.JsonNode.Parse(EventSourceTestHost.Fixture("sqs/batch.json"))!;
        batch["Records"]![0]!["attributes"] = 42;
        var ran = new List<string>();
        await using var host = await EventSourceTestHost.StartAsync($"orders={Queue}", app =>
            app.MapEvent<SqsMessage>("orders", (message, _, _) => { ran.Add(message.MessageId); return Task.CompletedTask; }));

        var result = await host.InvokeAsync(batch.ToJsonString());

        Assert.Equal([FirstMessage], EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal([SecondMessage], ran);
        Assert.Contains(host.Logs.Logs, l => l.Message.Contains(FirstMessage) && l.Exception is not null);
    }

    [Fact]
    public async Task TaskQueueBatchStillReachesTheTaskWorker()
    {
        // GIVEN a worker with a mapped queue and a task; the task queue is not an event source
        var taskRuns = 0;
        var eventRuns = 0;
        await using var host = await EventSourceTestHost.StartAsync($"orders={Queue}", app =>
        {
            app.MapEvent<SqsMessage>("orders", (_, _, _) => { Interlocked.Increment(ref eventRuns); return Task.CompletedTask; });
            app.MapTask<DnaJob>("compute-dna", (_, _, _) => { Interlocked.Increment(ref taskRuns); return Task.CompletedTask; });
        }, services => services.Configure<ServerlessWebAppTaskOptions>(o => o.QueueUrl = "https://sqs.us-east-1.amazonaws.com/000000000000/tasks"));

        // WHEN a batch arrives from the task queue
        var result = await host.InvokeAsync(TaskTestApp.SqsEvent(
            ("m1", TaskTestApp.TaskBody("t1", "compute-dna", """{"sequence":"ACGT","repeat":1}"""), 1)));

        // THEN the task runs and the event source's handler does not
        Assert.Empty(EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal((1, 0), (taskRuns, eventRuns));
    }
}
