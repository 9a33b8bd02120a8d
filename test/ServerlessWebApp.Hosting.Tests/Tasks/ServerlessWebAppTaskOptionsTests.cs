using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;
using Serverless.WebApp.Hosting.Tasks.Local;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class ServerlessWebAppTaskOptionsTests
{
    [Fact]
    public async Task ConstructEnvironmentIsBoundOnLambda()
    {
        // Lambda sets AWS_REGION for the SDK's default clients; here the clients get their region explicitly.
        var credentials = new BasicAWSCredentials("test", "test");
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(
            queueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/tasks", statusTable: "status", payloadBucket: "payloads"),
            services =>
            {
                services.AddSingleton<IAmazonSQS>(new AmazonSQSClient(credentials, RegionEndpoint.EUWest1));
                services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient(credentials, RegionEndpoint.EUWest1));
            });

        var options = app.Services.GetRequiredService<IOptions<ServerlessWebAppTaskOptions>>().Value;

        Assert.True(options.RunsOnLambda);
        Assert.Equal("https://sqs.eu-west-1.amazonaws.com/123456789012/tasks", options.QueueUrl);
        Assert.Equal("status", options.StatusTable);
        Assert.Equal("payloads", options.PayloadBucket);
        Assert.IsType<SqsTaskQueue>(app.Services.GetRequiredService<ITaskQueue>());
        Assert.IsType<DynamoDbTaskStatusStore>(app.Services.GetRequiredService<ITaskStatusStore>());
    }

    [Fact]
    public async Task StartingOnLambdaBuildsNoAwsClientAndNoLocalDatabase()
    {
        // GIVEN a worker on Lambda whose AWS clients record when they are built
        var built = new List<string>();
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: "https://sqs.example/tasks", statusTable: "status"),
            services =>
            {
                services.AddSingleton<IAmazonSQS>(_ => { built.Add("sqs"); throw new InvalidOperationException("no SQS at start"); });
                services.AddSingleton<IAmazonDynamoDB>(_ => { built.Add("dynamodb"); throw new InvalidOperationException("no DynamoDB at start"); });
                services.Configure<ServerlessWebAppTaskOptions>(o => o.LocalDatabasePath = Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"));
            });

        // WHEN the host starts and the invocation loop collects its handlers
        await app.StartAsync();
        var handlers = app.Services.GetServices<Serverless.WebApp.Hosting.Invocations.ILambdaEventHandler>().ToArray();

        // THEN nothing AWS was built yet (cold start stays lean) and no SQLite file was created
        Assert.Equal(4, handlers.Length);
        Assert.Empty(built);
        Assert.False(File.Exists(app.Services.GetRequiredService<IOptions<ServerlessWebAppTaskOptions>>().Value.LocalDatabasePath));
        await app.StopAsync();
    }

    [Fact]
    public async Task WithoutAStatusTableOnLambdaStatusIsNotTracked()
    {
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: "https://sqs.example/tasks"));

        var status = app.Services.GetRequiredService<ITaskStatusStore>();

        Assert.False(status.IsTracking);
        Assert.Null(await status.GetAsync("0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public async Task OffLambdaTheLocalQueueAndStoreAreUsed()
    {
        await using var app = TaskTestApp.Build(TaskTestApp.Local());

        Assert.False(app.Services.GetRequiredService<IOptions<ServerlessWebAppTaskOptions>>().Value.RunsOnLambda);
        Assert.IsType<LocalTaskQueue>(app.Services.GetRequiredService<ITaskQueue>());
        Assert.IsType<SqliteTaskStatusStore>(app.Services.GetRequiredService<ITaskStatusStore>());
    }

    [Fact]
    public async Task InvalidSettingsAreRejectedNamingTheProperty()
    {
        await using var app = TaskTestApp.Build(TaskTestApp.Local(), services => services.Configure<ServerlessWebAppTaskOptions>(o =>
        {
            o.MaxMessageBytes = 1024 * 1024;
            o.LocalConcurrency = 0;
        }));

        var error = Assert.Throws<OptionsValidationException>(
            () => app.Services.GetRequiredService<IOptions<ServerlessWebAppTaskOptions>>().Value);

        Assert.Contains("ServerlessWebAppTaskOptions.MaxMessageBytes is 1048576; allowed: 1024 to 262144", error.Message);
        Assert.Contains("ServerlessWebAppTaskOptions.LocalConcurrency is 0; allowed: 1 to 64", error.Message);
    }
}
