using System.Collections;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// The logging scope around one invocation: every log line written while it runs carries <c>AwsRequestId</c>.
/// </summary>
internal sealed class InvocationLogScope(string awsRequestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string RequestIdKey = "AwsRequestId";

    public string AwsRequestId { get; } = awsRequestId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(RequestIdKey, AwsRequestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{RequestIdKey}:{AwsRequestId}";
}
