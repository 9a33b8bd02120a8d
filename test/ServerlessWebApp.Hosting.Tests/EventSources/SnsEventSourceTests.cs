using Serverless.WebApp.Hosting.EventSources;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

public sealed class SnsEventSourceTests
{
    private const string Topic = "arn:aws:sns:us-east-2:123456789012:sns-lambda";

    [Fact]
    public async Task RecordedNotificationReachesTheHandlerRoutedByItsTopic()
    {
        SnsNotification? received = null;
        EventSourceContext? seen = null;
        await using var host = await EventSourceTestHost.StartAsync($"alerts={Topic}", app =>
            app.MapEvent<SnsNotification>("alerts", (record, context, _) =>
            {
                (received, seen) = (record, context);
                return Task.CompletedTask;
            }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("sns/notification.json"));

        Assert.False(result.IsError, result.Error?.ErrorMessage);
        Assert.Equal("Hello from SNS!", received!.Sns.Message);
        Assert.Equal("TestInvoke", received.Sns.Subject);
        Assert.Equal(Topic, received.Sns.TopicArn);
        Assert.Equal(new DateTimeOffset(2019, 1, 2, 12, 45, 7, TimeSpan.Zero), received.Sns.Timestamp);
        Assert.Equal(("String", "TestString"), (received.Sns.MessageAttributes!["Test"].Type, received.Sns.MessageAttributes["Test"].Value));
        Assert.Equal("arn:aws:sns:us-east-2:123456789012:sns-lambda:21be56ed-a058-49f5-8c98-aedd2564c486", received.EventSubscriptionArn);
        Assert.Equal(("alerts", "95df01b4-ee98-5cb9-9903-4c221d41eb5e"), (seen!.Name, seen.RecordId));
    }

    [Fact]
    public async Task FailingHandlerFailsTheInvocation()
    {
        await using var host = await EventSourceTestHost.StartAsync($"alerts={Topic}", app =>
            app.MapEvent<SnsNotification>("alerts", (_, _, _) => throw new TimeoutException("downstream")));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("sns/notification.json"));

        Assert.Equal("EventRecordFailed", result.Error?.ErrorType);
        Assert.Contains("95df01b4-ee98-5cb9-9903-4c221d41eb5e", result.Error!.ErrorMessage);
    }
}
