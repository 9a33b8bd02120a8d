using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

public sealed class EventBridgeEventSourceTests
{
    private const string Rule = "arn:aws:events:us-east-1:123456789012:rule/default/app-instance-state";

    [Fact]
    public async Task MatchedEventArrivesThroughTheRulesInputTemplateRoutedByTheRule()
    {
        // GIVEN the documented EC2 event as the construct's rule target delivers it
        EventBridgeEvent? received = null;
        EventSourceContext? seen = null;
        await using var host = await EventSourceTestHost.StartAsync($"instances={Rule}", app =>
            app.MapEvent<EventBridgeEvent>("instances", (e, context, _) => { (received, seen) = (e, context); return Task.CompletedTask; }));
        var delivery = EventSourceTestHost.EventBridgeDelivery(Rule, EventSourceTestHost.Fixture("eventbridge/ec2-instance-state-change.json"));

        var result = await host.InvokeAsync(delivery);

        Assert.False(result.IsError, result.Error?.ErrorMessage);
        Assert.Equal(("EC2 Instance State-change Notification", "aws.ec2"), (received!.DetailType, received.Source));
        Assert.Equal("pending", received.Detail.GetProperty("state").GetString());
        Assert.Equal(new DateTimeOffset(2021, 11, 11, 21, 29, 54, TimeSpan.Zero), received.Time);
        Assert.Equal(["arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0"], received.Resources);
        Assert.Equal((Rule, "7bf73129-1428-4cd3-a780-95db273d1602"), (seen!.SourceArn, seen.RecordId));
    }

    [Fact]
    public async Task AppTypeWithATypedDetailCanBeMapped()
    {
        InstanceStateChange? received = null;
        await using var host = await EventSourceTestHost.StartAsync($"instances={Rule}", app =>
            app.MapEvent<InstanceStateChange>("instances", (e, _, _) => { received = e; return Task.CompletedTask; }));

        await host.InvokeAsync(EventSourceTestHost.EventBridgeDelivery(Rule,
            EventSourceTestHost.Fixture("eventbridge/ec2-instance-state-change.json")));

        Assert.Equal(("i-1234567890abcdef0", "pending"), (received!.Detail.InstanceId, received.Detail.State));
    }

    [Fact]
    public async Task FailingHandlerFailsTheInvocation()
    {
        await using var host = await EventSourceTestHost.StartAsync($"instances={Rule}", app =>
            app.MapEvent<EventBridgeEvent>("instances", (_, _, _) => throw new InvalidOperationException("no")));

        var result = await host.InvokeAsync(EventSourceTestHost.EventBridgeDelivery(Rule,
            EventSourceTestHost.Fixture("eventbridge/ec2-instance-state-change.json")));

        Assert.Equal("EventRecordFailed", result.Error?.ErrorType);
    }

    [Fact]
    public void InputTemplateIsJsonOnceEventBridgeFillsItIn()
    {
        using var document = JsonDocument.Parse(EventSourceTestHost.EventBridgeDelivery(Rule, """{"id":"x"}"""));

        var envelope = document.RootElement.GetProperty("serverlessWebApp");
        Assert.Equal(("event", Rule, "x"), (envelope.GetProperty("kind").GetString(), envelope.GetProperty("ruleArn").GetString(),
            envelope.GetProperty("event").GetProperty("id").GetString()));
    }
}

/// <summary>An app's own EventBridge record type with a typed detail.</summary>
public sealed class InstanceStateChange : IEventSourceRecord<InstanceStateChange>
{
    public static EventSourceKind Kind => EventSourceKind.EventBridge;

    public static JsonTypeInfo<InstanceStateChange> JsonTypeInfo => InstanceStateJsonContext.Default.InstanceStateChange;

    [JsonPropertyName("detail")] public InstanceState Detail { get; init; } = new();
}

public sealed class InstanceState
{
    [JsonPropertyName("instance-id")] public string InstanceId { get; init; } = "";

    [JsonPropertyName("state")] public string State { get; init; } = "";
}

[JsonSerializable(typeof(InstanceStateChange))]
internal sealed partial class InstanceStateJsonContext : JsonSerializerContext;
