using System.Text;

namespace Serverless.WebApp.Hosting.Tests.Runtime.SocketClient;

/// <summary>Raw HTTP/1.1 responses, byte for byte, as a Runtime API might send them.</summary>
internal static class RawHttp
{
    public const string RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
    public const string DeadlineMs = "1542409706888";
    public const string FunctionArn = "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime";
    public const string TraceId = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

    public static byte[] Accepted(string extraHeaders = "") =>
        Bytes($"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n{extraHeaders}Content-Length: 15\r\n\r\n{{\"status\":\"OK\"}}");

    public static byte[] Status(int status, string reason, string body = "") =>
        Bytes($"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    /// <summary>A /next answer with the four Lambda-Runtime headers and a Content-Length.</summary>
    public static byte[] NextEvent(string json, string requestId = RequestId) =>
        Bytes($"HTTP/1.1 200 OK\r\n{LambdaHeaders(requestId)}Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}");

    /// <summary>A /next answer whose body comes in chunks (as Go's net/http sends a body written without a length).</summary>
    public static byte[] ChunkedNextEvent(params string[] chunks)
    {
        var text = new StringBuilder($"HTTP/1.1 200 OK\r\n{LambdaHeaders(RequestId)}Transfer-Encoding: chunked\r\n\r\n");
        foreach (var chunk in chunks) text.Append($"{Encoding.UTF8.GetByteCount(chunk):x};ext=1\r\n{chunk}\r\n");
        text.Append("0\r\nX-Trailer: ignored\r\n\r\n");
        return Bytes(text.ToString());
    }

    public static string LambdaHeaders(string requestId) =>
        $"Content-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: {requestId}\r\nLambda-Runtime-Deadline-Ms: {DeadlineMs}\r\n" +
        $"Lambda-Runtime-Invoked-Function-Arn: {FunctionArn}\r\nLambda-Runtime-Trace-Id: {TraceId}\r\n";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
