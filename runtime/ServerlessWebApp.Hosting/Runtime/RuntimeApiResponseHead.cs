namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>What the client needs from the head of one Runtime API response.</summary>
internal readonly record struct RuntimeApiResponseHead(
    int StatusCode,
    long ContentLength,
    bool Chunked,
    bool ConnectionClose,
    string? RequestId,
    long DeadlineUnixMs,
    string? InvokedFunctionArn,
    string? TraceId)
{
    /// <summary>No <c>Content-Length</c> header.</summary>
    public const long NoContentLength = -1;

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>1xx (other than 101), 204 and 304 answers carry no body, whatever their headers say.</summary>
    public bool HasNoBody => StatusCode is (>= 100 and <= 199) or 204 or 304;
}
