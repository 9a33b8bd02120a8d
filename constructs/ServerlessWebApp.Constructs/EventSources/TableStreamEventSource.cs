using Amazon.CDK.AWS.DynamoDB;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>The table's DynamoDB stream through an event source mapping; the function may read this stream only.</summary>
internal sealed class TableStreamEventSource(string name, ITable table, StreamEventSourceOptions options) : AppEventSource(name, options)
{
    internal override string Kind => "table stream";

    internal override string RecordType => "DynamoDbStreamRecord";

    internal override void Check(Findings findings, string property)
    {
        StreamMapping.Check(options, findings, property);
        if (table.TableStreamArn is null)
            findings.Error(property, $"names table '{table.Node.Id}', which has no stream; allowed: a table with a stream (TableProps.Stream, or TableStreamArn when imported)");
    }

    internal override BoundEventSource Bind(EventSourceTarget target)
    {
        var streamArn = table.TableStreamArn!;
        var mapping = StreamMapping.Create(target, streamArn, options);
        target.Function.Identity.Grant(EventSourcePermissions.ReadTableStream(streamArn, table.EncryptionKey));
        return new BoundEventSource(Name, streamArn, mapping);
    }
}
