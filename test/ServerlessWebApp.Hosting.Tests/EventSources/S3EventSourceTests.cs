using Serverless.WebApp.Hosting.EventSources;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

public sealed class S3EventSourceTests
{
    private const string Bucket = "arn:aws:s3:::lambda-artifacts-deafc19498e3f2df";

    [Fact]
    public async Task RecordedObjectCreatedEventReachesTheMappedHandler()
    {
        // GIVEN an app mapping "uploads", which the construct registered for the documented bucket
        var received = new List<(S3ObjectEvent Record, EventSourceContext Context)>();
        await using var host = await EventSourceTestHost.StartAsync($"uploads={Bucket}", app =>
            app.MapEvent<S3ObjectEvent>("uploads", (record, context, _) =>
            {
                received.Add((record, context));
                return Task.CompletedTask;
            }));

        // WHEN S3's notification arrives
        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("s3/object-created-put.json"));

        // THEN the handler sees the object as S3 described it, and the invocation succeeds
        Assert.False(result.IsError, result.Error?.ErrorMessage);
        var (record, context) = Assert.Single(received);
        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal(new DateTimeOffset(2019, 9, 3, 19, 37, 27, 192, TimeSpan.Zero), record.EventTime);
        Assert.Equal("lambda-artifacts-deafc19498e3f2df", record.S3.Bucket.Name);
        Assert.Equal("b21b84d653bb07b05b1e6b33684dc11b", record.S3.Object.Key);
        Assert.Equal(1305107, record.S3.Object.Size);
        Assert.Equal("205.255.255.255", record.RequestParameters!["sourceIPAddress"]);
        Assert.Equal("AWS:AIDAINPONIXQXHT3IKHL2", record.UserIdentity!.PrincipalId);
        Assert.Equal(("uploads", EventSourceKind.S3, Bucket, "0C0F6F405D6ED209E1"),
            (context.Name, context.Kind, context.SourceArn, context.RecordId));
    }

    [Fact]
    public async Task UrlEncodedKeyIsDecodedForReadingTheObject()
    {
        S3ObjectEvent? received = null;
        await using var host = await EventSourceTestHost.StartAsync("uploads=arn:aws:s3:::example-bucket", app =>
            app.MapEvent<S3ObjectEvent>("uploads", (record, _, _) => { received = record; return Task.CompletedTask; }));

        await host.InvokeAsync(EventSourceTestHost.Fixture("s3/object-created-encoded-key.json"));

        Assert.Equal("test%2Fkey", received!.S3.Object.Key);
        Assert.Equal("test/key", received.S3.Object.DecodedKey);
    }

    [Fact]
    public async Task FailingHandlerFailsTheInvocationSoLambdaRetriesIt()
    {
        await using var host = await EventSourceTestHost.StartAsync($"uploads={Bucket}", app =>
            app.MapEvent<S3ObjectEvent>("uploads", (_, _, _) => throw new InvalidOperationException("thumbnail failed")));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("s3/object-created-put.json"));

        // THEN the invocation is an error naming the failed record, and the exception is logged, not lost
        Assert.True(result.IsError);
        Assert.Equal("EventRecordFailed", result.Error!.ErrorType);
        Assert.Contains("0C0F6F405D6ED209E1", result.Error.ErrorMessage);
        Assert.Contains(host.Logs.Logs, e => e.Exception?.Message == "thumbnail failed");
    }
}
