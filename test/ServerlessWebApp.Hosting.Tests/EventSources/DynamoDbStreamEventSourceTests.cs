using Serverless.WebApp.Hosting.EventSources;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

public sealed class DynamoDbStreamEventSourceTests
{
    private const string Stream = "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899";

    [Fact]
    public async Task RecordedInsertModifyRemoveRecordsArriveInOrderWithTheirImages()
    {
        var received = new List<DynamoDbStreamRecord>();
        await using var host = await EventSourceTestHost.StartAsync($"changes={Stream}", app =>
            app.MapEvent<DynamoDbStreamRecord>("changes", (record, _, _) => { received.Add(record); return Task.CompletedTask; }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("dynamodb/insert-modify-remove.json"));

        Assert.Empty(EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], received.Select(r => r.EventName));
        Assert.Equal("101", received[0].DynamoDb.Keys["Id"].N);
        Assert.Equal("New item!", received[0].DynamoDb.NewImage!["Message"].S);
        Assert.Null(received[0].DynamoDb.OldImage);
        Assert.Equal("This item has changed", received[1].DynamoDb.NewImage!["Message"].S);
        Assert.Equal("New item!", received[1].DynamoDb.OldImage!["Message"].S);
        Assert.Null(received[2].DynamoDb.NewImage);
        Assert.Equal(("333", 38L), (received[2].DynamoDb.SequenceNumber, received[2].DynamoDb.SizeBytes));
    }

    [Fact]
    public async Task FailureStopsTheShardAtThatRecordAndReportsItsSequenceNumber()
    {
        var ran = new List<string>();
        await using var host = await EventSourceTestHost.StartAsync($"changes={Stream}", app =>
            app.MapEvent<DynamoDbStreamRecord>("changes", (record, context, _) =>
            {
                ran.Add(context.RecordId!);
                return record.EventName == "MODIFY" ? throw new InvalidOperationException("projection failed") : Task.CompletedTask;
            }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("dynamodb/insert-modify-remove.json"));

        // THEN Lambda is told to resume at 222; 333 did not run ahead of it
        Assert.Equal(["222"], EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal(["111", "222"], ran);
    }
}
