using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>
/// The names ↔ source ARNs the construct registered for this function in <c>SWA_EVENT_SOURCES</c>
/// (<c>name=arn,name=arn</c>). Empty outside Lambda and on a function without event sources.
/// </summary>
internal sealed partial class EventSourceRoutes
{
    private readonly Dictionary<string, string> _nameByArn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _arnByName = new(StringComparer.Ordinal);

    public EventSourceRoutes(IConfiguration configuration) : this(configuration[SwaEnvironment.EventSources])
    {
    }

    /// <exception cref="InvalidOperationException">The variable is not a list of <c>name=arn</c> pairs.</exception>
    internal EventSourceRoutes(string? variable)
    {
        foreach (var entry in (variable ?? "").Split(SwaNames.EntrySeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = entry.IndexOf(SwaNames.NameValueSeparator);
            var name = separator > 0 ? entry[..separator].Trim() : "";
            var arn = separator > 0 ? entry[(separator + 1)..].Trim() : "";
            if (!NamePattern().IsMatch(name) || KindOfArn(arn) is null)
            {
                throw new InvalidOperationException(
                    $"{SwaEnvironment.EventSources} entry '{entry}' is invalid: expected name=arn with a name of 1-64 letters, digits, " +
                    "'.', '_' or '-' and the ARN of an S3 bucket, SNS topic, SQS queue, DynamoDB stream, Kinesis stream or EventBridge rule.");
            }
            if (!_arnByName.TryAdd(name, arn) || !_nameByArn.TryAdd(arn, name))
            {
                throw new InvalidOperationException(
                    $"{SwaEnvironment.EventSources} names '{name}' or its ARN {arn} twice; each name and each ARN may appear once.");
            }
        }
    }

    public bool IsEmpty => _arnByName.Count == 0;

    public bool TryGetName(string? sourceArn, out string name)
    {
        name = "";
        return sourceArn is not null && _nameByArn.TryGetValue(sourceArn, out name!);
    }

    public string? ArnOf(string name) => _arnByName.GetValueOrDefault(name);

    public string Describe() => IsEmpty
        ? "(none registered)"
        : string.Join(", ", _arnByName.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}"));

    /// <summary>The source an ARN belongs to, from its service: <c>arn:partition:service:…</c>.</summary>
    public static EventSourceKind? KindOfArn(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn") return null;
        return parts[2] switch
        {
            "s3" => EventSourceKind.S3,
            "sns" => EventSourceKind.Sns,
            "sqs" => EventSourceKind.Sqs,
            "dynamodb" when parts[5].Contains("/stream/", StringComparison.Ordinal) => EventSourceKind.DynamoDbStream,
            "kinesis" => EventSourceKind.Kinesis,
            "events" when parts[5].StartsWith("rule/", StringComparison.Ordinal) => EventSourceKind.EventBridge,
            _ => null,
        };
    }

    [GeneratedRegex(SwaNames.EventSourceNamePattern)]
    private static partial Regex NamePattern();
}
