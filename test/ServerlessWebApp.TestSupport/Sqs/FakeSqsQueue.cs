using System.Security.Cryptography;
using System.Text;

namespace Serverless.WebApp.TestSupport.Sqs;

/// <summary>One in-memory queue of <see cref="FakeSqsServer"/>: visibility timeouts, delays and redrive to a dead-letter queue.</summary>
internal sealed class FakeSqsQueue
{
    private readonly List<Entry> _messages = [];
    private readonly TimeProvider _clock;

    public FakeSqsQueue(string name, string url, string arn, TimeProvider clock)
    {
        Name = name;
        Url = url;
        Arn = arn;
        _clock = clock;
    }

    public string Name { get; }
    public string Url { get; }
    public string Arn { get; }
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public FakeSqsQueue? DeadLetterQueue { get; set; }
    public int MaxReceiveCount { get; set; }

    public (string MessageId, string Md5) Send(string body, TimeSpan delay)
    {
        var entry = new Entry(Guid.NewGuid().ToString(), body, Md5Hex(body), _clock.GetUtcNow()) { VisibleAt = _clock.GetUtcNow() + delay };
        _messages.Add(entry);
        return (entry.MessageId, entry.Md5);
    }

    public List<Received> Receive(int max, TimeSpan? visibilityTimeout)
    {
        var now = _clock.GetUtcNow();
        var received = new List<Received>();
        foreach (var entry in _messages.Where(m => m.VisibleAt <= now).ToList())
        {
            if (received.Count == max) break;
            if (DeadLetterQueue is not null && MaxReceiveCount > 0 && entry.ReceiveCount >= MaxReceiveCount)
            {
                // SQS moves the message on the receive that would exceed maxReceiveCount.
                _messages.Remove(entry);
                DeadLetterQueue._messages.Add(entry with { ReceiveCount = 0, VisibleAt = now, ReceiptHandle = null });
                continue;
            }
            entry.ReceiveCount++;
            entry.ReceiptHandle = Guid.NewGuid().ToString("N");
            entry.FirstReceivedAt ??= now;
            entry.VisibleAt = now + (visibilityTimeout ?? VisibilityTimeout);
            received.Add(new Received(entry.MessageId, entry.ReceiptHandle, entry.Body, entry.Md5, entry.ReceiveCount,
                entry.SentAt, entry.FirstReceivedAt.Value));
        }
        return received;
    }

    /// <summary>False when no message has this receipt handle (SQS then answers ReceiptHandleIsInvalid).</summary>
    public bool Delete(string receiptHandle) => _messages.RemoveAll(m => m.ReceiptHandle == receiptHandle) > 0;

    public bool ChangeVisibility(string receiptHandle, TimeSpan timeout)
    {
        var entry = _messages.FirstOrDefault(m => m.ReceiptHandle == receiptHandle);
        if (entry is null) return false;
        entry.VisibleAt = _clock.GetUtcNow() + timeout;
        return true;
    }

    public int Count => _messages.Count;

    public int VisibleCount => _messages.Count(m => m.VisibleAt <= _clock.GetUtcNow());

    public IReadOnlyList<FakeSqsMessage> Snapshot() =>
        _messages.Select(m => new FakeSqsMessage(m.MessageId, m.Body, m.ReceiveCount, m.SentAt)).ToArray();

    public static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    internal sealed record Received(string MessageId, string ReceiptHandle, string Body, string Md5, int ReceiveCount,
        DateTimeOffset SentAt, DateTimeOffset FirstReceivedAt);

    private sealed record Entry(string MessageId, string Body, string Md5, DateTimeOffset SentAt)
    {
        public int ReceiveCount { get; set; }
        public string? ReceiptHandle { get; set; }
        public DateTimeOffset VisibleAt { get; set; }
        public DateTimeOffset? FirstReceivedAt { get; set; }
    }
}
