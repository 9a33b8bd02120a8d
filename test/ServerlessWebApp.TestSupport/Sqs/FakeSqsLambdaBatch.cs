namespace Serverless.WebApp.TestSupport.Sqs;

/// <summary>
/// Messages received from <see cref="FakeSqsServer"/> as Lambda's SQS event source mapping would deliver them: the
/// event JSON (<c>Records[]</c> with <c>eventSource: "aws:sqs"</c>) and the receipt handles to settle it with.
/// </summary>
public sealed record FakeSqsLambdaBatch(string QueueUrl, string EventJson, IReadOnlyDictionary<string, string> ReceiptHandles);
