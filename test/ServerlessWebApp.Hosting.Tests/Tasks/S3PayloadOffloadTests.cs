using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class S3PayloadOffloadTests : IClassFixture<FakeSqsFixture>, IClassFixture<FakeS3Bucket>, IAsyncDisposable
{
    private const string Bucket = "task-payloads-bucket";

    private readonly FakeSqsFixture _sqs;
    private readonly FakeS3Bucket _s3;
    private readonly string _queueUrl;
    private readonly IAmazonSQS _sqsClient;
    private readonly IAmazonS3 _s3Client;
    private readonly WebApplication _app;
    private readonly List<DnaJob> _ran = [];

    public S3PayloadOffloadTests(FakeSqsFixture sqs, FakeS3Bucket s3)
    {
        _sqs = sqs;
        _s3 = s3;
        (_queueUrl, _) = sqs.CreateQueues();
        _sqsClient = sqs.CreateClient();
        _s3Client = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config
        {
            ServiceURL = s3.ServiceUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
        _app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: _queueUrl, payloadBucket: Bucket), services =>
        {
            services.AddSingleton(_sqsClient);
            services.AddSingleton(_s3Client);
        });
        _app.MapTask<DnaJob>("compute-dna", (job, _, _) => { _ran.Add(job); return Task.CompletedTask; });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _sqsClient.Dispose();
        _s3Client.Dispose();
    }

    [Fact]
    public async Task PayloadOverTheSqsLimitTravelsThroughS3AndTheWorkerReadsItBack()
    {
        // GIVEN a payload larger than SQS's 256 KiB message limit and a payload bucket
        var large = new DnaJob(new string('G', 400 * 1024), 1);

        // WHEN it is enqueued and the worker receives the message
        var taskId = await _app.Services.GetRequiredService<ITaskQueue>().EnqueueAsync("compute-dna", large);
        var message = Assert.Single((await _sqsClient.ReceiveMessageAsync(_queueUrl)).Messages);
        var response = await _app.Handler<SqsTaskBatchHandler>().InvokeAsync(TaskTestApp.SqsEvent((message.MessageId, message.Body, 1)));

        // THEN the message carries only a reference, the object holds the payload, and the task ran with all of it
        Assert.True(message.Body.Length < 1024, $"the message body is {message.Body.Length} characters");
        Assert.Contains($"\"bucket\":\"{Bucket}\"", message.Body);
        Assert.Contains($"{Bucket}/task-payloads/{taskId}.json", _s3.Objects.Keys);
        Assert.Empty(TaskTestApp.BatchItemFailures(response));
        Assert.Equal(large, Assert.Single(_ran));
    }

    [Fact]
    public async Task ReferenceOutsideThePayloadBucketFailsTheMessage()
    {
        // GIVEN a message that points the worker at another bucket
        var body = """{"swaTask":1,"id":"t1","task":"compute-dna","payloadRef":{"bucket":"someone-elses","key":"task-payloads/t1.json"}}""";

        // WHEN the worker receives it
        var response = await _app.Handler<SqsTaskBatchHandler>().InvokeAsync(TaskTestApp.SqsEvent(("m1", body, 1)));

        // THEN the message fails (and will be dead-lettered) without reading anything
        Assert.Equal(["m1"], TaskTestApp.BatchItemFailures(response));
        Assert.Empty(_ran);
    }
}
