using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The data of a Kinesis record.</summary>
public sealed class KinesisData
{
    /// <summary>The version of the Kinesis record format, e.g. <c>1.0</c>.</summary>
    [JsonPropertyName("kinesisSchemaVersion")] public string? KinesisSchemaVersion { get; init; }

    /// <summary>The partition key the producer gave; it chose the record's shard.</summary>
    [JsonPropertyName("partitionKey")] public string PartitionKey { get; init; } = "";

    /// <summary>Orders the records of a shard; reported back for a failed record.</summary>
    [JsonPropertyName("sequenceNumber")] public string SequenceNumber { get; init; } = "";

    /// <summary>The record's bytes, decoded from the base64 Lambda sends.</summary>
    [JsonPropertyName("data")] public byte[] Data { get; init; } = [];

    /// <summary>When the record reached the stream, in seconds since the Unix epoch.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")] public double ApproximateArrivalTimestamp { get; init; }
}
