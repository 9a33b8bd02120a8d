namespace Serverless.WebApp.Hosting;

/// <summary>Settings of the ServerlessWebApp hosting runtime (used only when the app runs inside Lambda).</summary>
public sealed class ServerlessWebAppOptions
{
    /// <summary>Lambda's limit on a synchronous invocation's response payload: 6 MB.</summary>
    public const int LambdaResponsePayloadLimit = 6 * 1024 * 1024;

    /// <summary>
    /// Response content types sent base64-encoded (<c>isBase64Encoded: true</c>). Entries are media types
    /// (<c>application/pdf</c>) or wildcards (<c>image/*</c>). A response with a <c>Content-Encoding</c> (gzip, br, …)
    /// is always base64-encoded. Text bodies that are not valid UTF-8 are base64-encoded too.
    /// Default: octet-stream, PDF, ZIP, gzip, WebAssembly, protobuf, and every image, audio, video and font type.
    /// </summary>
    public IList<string> BinaryMediaTypes { get; } = new List<string>
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/wasm",
        "application/x-protobuf",
        "image/*",
        "audio/*",
        "video/*",
        "font/*",
    };

    /// <summary>
    /// The largest response payload (the JSON posted to Lambda, body included) the bridge sends; a larger response
    /// is replaced by a 502 problem response that says so. Default: 6 MB (<see cref="LambdaResponsePayloadLimit"/>).
    /// </summary>
    public int MaxResponsePayloadBytes { get; set; } = LambdaResponsePayloadLimit;

    /// <summary>
    /// How long before Lambda's deadline <c>HttpContext.RequestAborted</c> fires, so the app can stop and answer
    /// before Lambda ends the invocation. Default: 500 ms.
    /// </summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Write log lines as JSON objects Lambda's JSON log format and CloudWatch Logs Insights understand
    /// (timestamp, level, message, requestId, errorType/errorMessage/stackTrace). Default: true.
    /// </summary>
    public bool UseJsonLogging { get; set; } = true;
}
