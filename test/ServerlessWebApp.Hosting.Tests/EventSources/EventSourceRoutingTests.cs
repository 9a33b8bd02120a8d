using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.EventSources;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

public sealed class EventSourceRoutingTests
{
    private const string Bucket = "arn:aws:s3:::lambda-artifacts-deafc19498e3f2df";

    [Fact]
    public async Task EventFromAnUnregisteredSourceFailsNamingTheRegisteredOnes()
    {
        await using var host = await EventSourceTestHost.StartAsync("uploads=arn:aws:s3:::other-bucket", app =>
            app.MapEvent<S3ObjectEvent>("uploads", (_, _, _) => Task.CompletedTask));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("s3/object-created-put.json"));

        Assert.Equal("UnroutedEvent", result.Error?.ErrorType);
        Assert.Contains(Bucket, result.Error!.ErrorMessage);
        Assert.Contains("uploads = arn:aws:s3:::other-bucket", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task RegisteredSourceWithoutAHandlerFailsSoItsRecordsAreRetriedNotDropped()
    {
        await using var host = await EventSourceTestHost.StartAsync($"uploads={Bucket}", _ => { });

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("s3/object-created-put.json"));

        Assert.Equal("UnmappedEventSource", result.Error?.ErrorType);
        Assert.Contains("app.MapEvent(\"uploads\"", result.Error!.ErrorMessage);
    }

    [Fact]
    public async Task MappingANameWithTheWrongRecordTypeFailsAtStartUp()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EventSourceTestHost.StartAsync($"uploads={Bucket}",
            app => app.MapEvent<SqsMessage>("uploads", (_, _, _) => Task.CompletedTask)));

        Assert.Contains("registered it for arn:aws:s3:::lambda-artifacts-deafc19498e3f2df, a S3 source", error.Message);
    }

    [Theory]
    [InlineData("uploads")]
    [InlineData("uploads=not-an-arn")]
    [InlineData("bad name=arn:aws:s3:::bucket")]
    [InlineData("a=arn:aws:s3:::bucket,a=arn:aws:s3:::other")]
    [InlineData("a=arn:aws:dynamodb:us-east-1:123456789012:table/NoStream")]
    public void MalformedRegistrationIsRejectedNamingTheVariable(string variable)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EventSourceRoutes(variable));

        Assert.Contains("SWA_EVENT_SOURCES", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("x/y")]
    public async Task InvalidNameIsRejectedByMapEvent(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EventSourceTestHost.StartAsync("",
            app => app.MapEvent<SqsMessage>(name, (_, _, _) => Task.CompletedTask)));
    }

    [Fact]
    public async Task NameCanBeMappedOnlyOnce()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EventSourceTestHost.StartAsync("", app =>
        {
            app.MapEvent<SqsMessage>("orders", (_, _, _) => Task.CompletedTask);
            app.MapEvent<SqsMessage>("orders", (_, _, _) => Task.CompletedTask);
        }));

        Assert.Contains("'orders' is already mapped", error.Message);
    }

    [Fact]
    public async Task EachRecordRunsInItsOwnScopeDisposedAfterIt()
    {
        var scopes = new List<ScopedProbe>();
        await using var host = await EventSourceTestHost.StartAsync("orders=arn:aws:sqs:us-east-2:123456789012:my-queue", app =>
            app.MapEvent<SqsMessage>("orders", (_, context, _) =>
            {
                scopes.Add(context.Services.GetRequiredService<ScopedProbe>());
                return Task.CompletedTask;
            }), services => services.AddScoped<ScopedProbe>());

        await host.InvokeAsync(EventSourceTestHost.Fixture("sqs/batch.json"));

        Assert.Equal(2, scopes.Distinct().Count());
        Assert.All(scopes, s => Assert.True(s.Disposed));
    }

    [Fact]
    public async Task DeadlineCancelsTheRunningRecordAndTheRestAreReportedUnrun()
    {
        // GIVEN a handler that runs until cancelled, and an invocation with 1.5 s left (the margin is 0.5 s)
        var started = new List<string>();
        await using var host = await EventSourceTestHost.StartAsync("orders=arn:aws:sqs:us-east-2:123456789012:my-queue", app =>
            app.MapEvent<SqsMessage>("orders", async (message, _, cancellationToken) =>
            {
                started.Add(message.MessageId);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("sqs/batch.json"), DateTimeOffset.UtcNow.AddSeconds(1.5));

        // THEN the first is cancelled by the deadline token, the second never starts, and both are retried
        Assert.Equal(["059f36b4-87a3-44ab-83d2-661975830a7d", "2e1424d4-f796-459a-8184-9c92662be6da"], EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal(["059f36b4-87a3-44ab-83d2-661975830a7d"], started);
    }

    private sealed class ScopedProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
