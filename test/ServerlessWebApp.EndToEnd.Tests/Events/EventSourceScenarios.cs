using System.Text.Json;
using Serverless.WebApp.EndToEnd.Tests.Lambda;
using Serverless.WebApp.EndToEnd.Tests.Tasks;
using Serverless.WebApp.TestSupport;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Events;

/// <summary>
/// The sample's event sources on the published worker, as the construct wires them: an S3 notification from the
/// uploads bucket and an SQS batch from the imports queue, through the Runtime API emulator. Run for every publish mode.
/// </summary>
internal static class EventSourceScenarios
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The recorded S3 event reaches the worker's handler; an event from a bucket nobody registered fails clearly.</summary>
    public static async Task S3NotificationReachesTheWorkerAsync(LambdaTaskStack stack)
    {
        var recorded = File.ReadAllText(RepositoryPaths.EventSourceFixture("s3/object-created-put.json"));

        var result = await stack.Worker.InvokeAsync(recorded, Timeout);
        Assert.True(result.Succeeded, $"{result}\n{stack.WorkerProcess.Output}");
        Assert.Equal(JsonValueKind.Object, result.Json().ValueKind);

        var unrouted = await stack.Worker.InvokeAsync(recorded.Replace(LambdaTaskStack.UploadsBucketArn, "arn:aws:s3:::someone-elses-bucket"), Timeout);
        Assert.Equal(InvocationOutcome.Error, unrouted.Outcome);
        Assert.Equal("UnroutedEvent", unrouted.ErrorType);
    }

    /// <summary>
    /// An imports batch with a valid and an invalid sequence: only the invalid message is reported and stays on the queue
    /// for a retry; the valid one is analysed and stored, as the web function's <c>results:show</c> proves.
    /// </summary>
    public static async Task ImportBatchFailsOnlyTheInvalidMessageAsync(LambdaTaskStack stack)
    {
        var valid = (await stack.SqsClient.SendMessageAsync(stack.ImportsQueueUrl,
            JsonSerializer.Serialize(new { dna_sequence = SampleAssertions.Ggccat }))).MessageId;
        var invalid = (await stack.SqsClient.SendMessageAsync(stack.ImportsQueueUrl, """{"dna_sequence":"GGXCAT"}""")).MessageId;
        var batch = stack.Sqs.ReceiveLambdaBatch(stack.ImportsQueueUrl)!;
        Assert.Equal(2, batch.ReceiptHandles.Count);

        var result = await stack.Worker.InvokeAsync(batch.EventJson, Timeout);

        Assert.True(result.Succeeded, $"{result}\n{stack.WorkerProcess.Output}");
        var failures = result.Json().GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString());
        Assert.Equal([invalid], failures);
        Assert.Equal([invalid], stack.Sqs.SettleLambdaBatch(batch, result.Body, TimeSpan.Zero));
        Assert.Equal([invalid], stack.Sqs.Messages(stack.ImportsQueueUrl).Select(m => m.MessageId));

        var shown = await stack.Web.InvokeAsync(JsonSerializer.Serialize(new { command = "results:show", args = new[] { "import-" + valid } }), Timeout);
        var reply = shown.Json();
        Assert.True(reply.GetProperty("exitCode").GetInt32() == 0, reply.ToString());
        SampleAssertions.ShowsAnalysisOfGgccat(reply.GetProperty("output").GetString()!);
    }
}
