using System.Text;
using Serverless.WebApp.Hosting.EventSources;

namespace Serverless.WebApp.Hosting.Tests.EventSources;

public sealed class KinesisEventSourceTests
{
    private const string Stream = "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream";
    private const string FirstSequence = "49590338271490256608559692538361571095921575989136588898";

    [Fact]
    public async Task RecordedRecordsArriveWithTheirDataDecoded()
    {
        var received = new List<KinesisRecord>();
        await using var host = await EventSourceTestHost.StartAsync($"clicks={Stream}", app =>
            app.MapEvent<KinesisRecord>("clicks", (record, _, _) => { received.Add(record); return Task.CompletedTask; }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("kinesis/records.json"));

        Assert.Empty(EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal(["Hello, this is a test.", "This is only a test."], received.Select(r => Encoding.UTF8.GetString(r.Kinesis.Data)));
        Assert.Equal(("1", FirstSequence, 1545084650.987), (received[0].Kinesis.PartitionKey, received[0].Kinesis.SequenceNumber,
            received[0].Kinesis.ApproximateArrivalTimestamp));
    }

    [Fact]
    public async Task FailureOfTheFirstRecordReportsItAndHoldsBackTheSecond()
    {
        var ran = 0;
        await using var host = await EventSourceTestHost.StartAsync($"clicks={Stream}", app =>
            app.MapEvent<KinesisRecord>("clicks", (_, _, _) => { ran++; throw new InvalidOperationException("sink down"); }));

        var result = await host.InvokeAsync(EventSourceTestHost.Fixture("kinesis/records.json"));

        Assert.Equal([FirstSequence], EventSourceTestHost.BatchItemFailures(result));
        Assert.Equal(1, ran);
    }
}
