using Amazon.CDK.AWS.Kinesis;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>A Kinesis data stream through an event source mapping; the function may read this stream only.</summary>
internal sealed class KinesisEventSource(string name, IStream stream, StreamEventSourceOptions options) : AppEventSource(name, options)
{
    internal override string Kind => "Kinesis stream";

    internal override string RecordType => "KinesisRecord";

    internal override void Check(Findings findings, string property) => StreamMapping.Check(options, findings, property);

    internal override BoundEventSource Bind(EventSourceTarget target)
    {
        var mapping = StreamMapping.Create(target, stream.StreamArn, options);
        target.Function.Identity.Grant(EventSourcePermissions.ReadKinesisStream(stream.StreamArn, stream.EncryptionKey));
        return new BoundEventSource(Name, stream.StreamArn, mapping);
    }
}
