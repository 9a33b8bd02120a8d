namespace Serverless.WebApp.TestSupport.Sqs;

/// <summary>A message held by <see cref="FakeSqsServer"/>, as a snapshot for assertions.</summary>
public sealed record FakeSqsMessage(string MessageId, string Body, int ReceiveCount, DateTimeOffset SentAt);
