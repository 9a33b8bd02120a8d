using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Commands;
using Serverless.WebApp.Hosting.KeepWarming;
using Serverless.WebApp.Hosting.Tasks;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>Builds a web app with the task services, in Lambda mode or local mode, and drives its event handlers.</summary>
internal static class TaskTestApp
{
    public const string LambdaRuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    public static WebApplication Build(IDictionary<string, string?> configuration, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TaskTestJsonContext.Default));
        services?.Invoke(builder.Services);
        builder.Services.AddServerlessWebAppTasks();
        builder.Services.AddServerlessWebAppKeepWarm();
        builder.Services.AddServerlessWebAppCommands();
        return builder.Build();
    }

    /// <summary>Configuration of a web or worker function on Lambda.</summary>
    public static Dictionary<string, string?> Lambda(string? queueUrl = null, string? statusTable = null, string? payloadBucket = null,
        string role = "worker") => new()
    {
        [LambdaRuntimeApi] = "127.0.0.1:9001",
        ["SWA_FUNCTION_ROLE"] = role,
        ["SWA_TASK_QUEUE_URL"] = queueUrl,
        ["SWA_TASK_STATUS_TABLE"] = statusTable,
        ["SWA_TASK_PAYLOAD_BUCKET"] = payloadBucket,
    };

    /// <summary>Configuration off Lambda (set the SQLite file through <see cref="ServerlessWebAppTaskOptions.LocalDatabasePath"/>).</summary>
    public static Dictionary<string, string?> Local() => new()
    {
        [LambdaRuntimeApi] = "",
        ["SWA_TASK_QUEUE_URL"] = "",
        ["SWA_TASK_STATUS_TABLE"] = "",
    };

    public static TEventHandler Handler<TEventHandler>(this WebApplication app) where TEventHandler : ILambdaEventHandler =>
        app.Services.GetServices<ILambdaEventHandler>().OfType<TEventHandler>().Single();

    public static LambdaInvocation Invocation(string eventJson, DateTimeOffset? deadline = null, string? requestId = null)
    {
        var raw = Encoding.UTF8.GetBytes(eventJson);
        return new LambdaInvocation(requestId ?? Guid.NewGuid().ToString(), deadline ?? DateTimeOffset.UtcNow.AddMinutes(5),
            "arn:aws:lambda:us-east-1:123456789012:function:worker:live", null, raw, JsonDocument.Parse(raw).RootElement);
    }

    /// <summary>Runs <paramref name="eventJson"/> through <paramref name="handler"/> and parses its response.</summary>
    public static async Task<JsonElement> InvokeAsync(this ILambdaEventHandler handler, string eventJson,
        DateTimeOffset? deadline = null, string? requestId = null)
    {
        var invocation = Invocation(eventJson, deadline, requestId);
        Assert.True(handler.CanHandle(invocation.Event), $"{handler.GetType().Name} does not claim the event");
        var response = new ArrayBufferWriter<byte>();
        await handler.HandleAsync(invocation, response, CancellationToken.None);
        return JsonDocument.Parse(response.WrittenMemory).RootElement.Clone();
    }

    /// <summary>The message ids a worker response reports in <c>batchItemFailures</c>.</summary>
    public static string[] BatchItemFailures(JsonElement response) =>
        response.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!).ToArray();

    /// <summary>An SQS event as Lambda delivers it, one record per (messageId, body, receiveCount).</summary>
    public static string SqsEvent(params (string MessageId, string Body, int ReceiveCount)[] records)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var (messageId, body, receiveCount) in records)
            {
                writer.WriteStartObject();
                writer.WriteString("messageId", messageId);
                writer.WriteString("receiptHandle", "handle-" + messageId);
                writer.WriteString("body", body);
                writer.WriteStartObject("attributes");
                writer.WriteString("ApproximateReceiveCount", receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                writer.WriteString("eventSource", "aws:sqs");
                writer.WriteString("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:tasks");
                writer.WriteString("awsRegion", "us-east-1");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A task message body as the queue carries it.</summary>
    public static string TaskBody(string taskId, string taskName, string payloadJson) =>
        $$"""{"swaTask":1,"id":"{{taskId}}","task":"{{taskName}}","enqueuedAt":"2026-11-23T10:00:00+00:00","payload":{{payloadJson}}}""";
}
