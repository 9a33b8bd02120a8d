using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Contract;
using Serverless.WebApp.Hosting.Tests.Support;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

/// <summary>Starts an app as if inside Lambda with the event sources the construct would register, and reads fixtures.</summary>
internal static class EventSourceTestHost
{
    public static Task<LambdaAppHost> StartAsync(string eventSources, Action<WebApplication> map,
        Action<IServiceCollection>? services = null, Action<ServerlessWebAppOptions>? options = null) =>
        LambdaAppHost.StartAsync(map, options, services,
            new Dictionary<string, string?> { [SwaEnvironment.EventSources] = eventSources, ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001" });

    public static string Fixture(string relativePath) => File.ReadAllText(RepositoryPaths.EventSourceFixture(relativePath));

    /// <summary>The <c>itemIdentifier</c>s of a batch response.</summary>
    public static string[] BatchItemFailures(LambdaResult result) =>
        result.Json.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!).ToArray();

    /// <summary>What the construct's rule target delivers: its input template with EventBridge's variables filled in.</summary>
    public static string EventBridgeDelivery(string ruleArn, string eventJson) =>
        SwaEventBridgeEnvelope.InputTemplate
            .Replace("<aws.events.rule-arn>", ruleArn, StringComparison.Ordinal)
            .Replace("<aws.events.event.json>", eventJson, StringComparison.Ordinal);
}
