using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Tasks;

/// <summary>
/// POST → SQS message → batch delivered to the worker → status DONE and result stored, all over real protocols; run
/// against each published build of the sample (<see cref="FrameworkDependentTaskFlowTests"/>,
/// <see cref="Trimmed.TrimmedBuildTests"/>).
/// </summary>
public abstract class LambdaTaskFlowTests(LambdaTaskStack stack)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    protected LambdaTaskStack Stack { get; } = stack;

    [Fact]
    public Task S3NotificationReachesTheWorkersMappedEventSource() => Events.EventSourceScenarios.S3NotificationReachesTheWorkerAsync(Stack);

    [Fact]
    public Task ImportBatchWithOneInvalidSequenceReportsOnlyThatMessage() =>
        Events.EventSourceScenarios.ImportBatchFailsOnlyTheInvalidMessageAsync(Stack);

    [Fact]
    public async Task SubmittedSequenceIsComputedByTheWorkerAndItsResultStored()
    {
        // GIVEN the web and worker functions, the queue and the tables
        const string sequence = "GATTACAGGCC";

        // WHEN a sequence is submitted through the front door
        // THEN it is accepted with the task's location, and exactly one message waits in the queue
        var taskId = await SubmitAsync(sequence);
        Assert.Single(Stack.Sqs.Messages(Stack.QueueUrl));
        var queued = await StatusAsync(taskId);
        Assert.Equal("RECEIVED", queued.GetProperty("state").GetString());

        // WHEN the event source mapping delivers the queue to the worker
        await RunWorkerUntilDoneAsync(taskId);

        // THEN the status says DONE with the computed result, the results table holds it, and the queue is empty
        var done = await StatusAsync(taskId);
        Assert.Equal(1, done.GetProperty("attempts").GetInt32());
        var result = done.GetProperty("result");
        Assert.Equal(sequence.Length, result.GetProperty("length").GetInt32());
        Assert.Equal(3, result.GetProperty("g").GetInt32());
        Assert.Equal(Math.Round(6.0 / 11, 6), result.GetProperty("gc_content").GetDouble());
        var stored = await Stack.DynamoClient.GetItemAsync(new GetItemRequest
        {
            TableName = LambdaTaskStack.ResultsTable,
            Key = new() { ["taskId"] = new AttributeValue { S = taskId } },
        });
        Assert.Contains("\"gc_content\"", stored.Item["result"].S);
        Assert.Empty(Stack.Sqs.Messages(Stack.QueueUrl));
        Assert.Empty(Stack.Sqs.Messages(Stack.DeadLetterQueueUrl));
    }

    [Fact]
    public async Task UnknownTaskIdAnswers404NamingTheId()
    {
        // WHEN the status of a task that never existed is asked for
        var response = await HttpAsync(SampleEvents.HttpApiV2("GET", "/tasks/no-such-task"));

        // THEN the answer is a 404 problem that names the id
        Assert.Equal(404, response.StatusCode);
        Assert.Contains("no-such-task", response.BodyJson().GetProperty("detail").GetString());
    }

    /// <summary>POSTs the sequence to the web function and requires 202 with the task's location; returns the task id.</summary>
    protected async Task<string> SubmitAsync(string sequence)
    {
        var accepted = await HttpAsync(SampleEvents.HttpApiV2("POST", "/compute-dna/", $$"""{"dna_sequence":"{{sequence}}"}"""));
        Assert.True(accepted.StatusCode == 202, $"Expected 202, got {accepted}");
        var taskId = accepted.BodyJson().GetProperty("task_id").GetString()!;
        Assert.Equal($"/tasks/{taskId}", accepted.Header("location"));
        return taskId;
    }

    /// <summary>Delivers the queue to the worker until the task's status says DONE.</summary>
    protected Task RunWorkerUntilDoneAsync(string taskId) =>
        Stack.Mapping.RunUntilAsync(async () => (await StatusAsync(taskId)).GetProperty("state").GetString() == "DONE", Timeout);

    protected async Task<JsonElement> StatusAsync(string taskId)
    {
        var response = await HttpAsync(SampleEvents.HttpApiV2("GET", $"/tasks/{taskId}"));
        Assert.True(response.StatusCode == 200, $"GET /tasks/{taskId}: {response}");
        return response.BodyJson();
    }

    protected async Task<HttpResponseShape> HttpAsync(string eventJson) => new((await InvokeWebAsync(eventJson)).Json());

    /// <summary>Invokes the web function and requires a successful invocation.</summary>
    protected async Task<InvocationResult> InvokeWebAsync(string eventJson)
    {
        var result = await Stack.Web.InvokeAsync(eventJson, Timeout);
        Assert.True(result.Succeeded, $"{result}\nweb output:\n{Stack.WebProcess.Output}");
        return result;
    }
}

/// <summary>The task flow on the framework-dependent build, as the construct publishes it by default.</summary>
public sealed class FrameworkDependentTaskFlowTests(LambdaTaskStack stack) : LambdaTaskFlowTests(stack), IClassFixture<LambdaTaskStack>;
