namespace Serverless.WebApp.Constructs;

/// <summary>
/// Cross-origin resource sharing for the front door (<see cref="ServerlessWebAppProps.Cors"/>), on an HTTP API, a REST
/// API or a function URL. The front door answers a browser's preflight <c>OPTIONS</c> itself, without running the
/// authorizer or the function. On an HTTP API and a function URL it also adds the CORS headers to every response
/// (and ignores the app's own); behind a REST API the app's responses must carry them (e.g. <c>app.UseCors</c> with the
/// same origins), because a REST API passes a Lambda proxy response through unchanged. Free.
/// </summary>
public sealed class ServerlessWebAppCorsProps
{
    /// <summary>
    /// Origins allowed to call the API, each <c>https://host</c> or <c>http://host</c> with an optional <c>:port</c> and no
    /// path, or the single entry <c>*</c> (any origin; not with <see cref="AllowCredentials"/>). Required, at least one.
    /// </summary>
    public IReadOnlyList<string>? AllowOrigins { get; set; }

    /// <summary>
    /// HTTP methods allowed: <c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>, <c>HEAD</c>, <c>OPTIONS</c>.
    /// Default: all seven.
    /// </summary>
    public IReadOnlyList<string>? AllowMethods { get; set; }

    /// <summary>
    /// Request headers allowed (header names, or <c>*</c>). Default: <c>Content-Type</c>, <c>Authorization</c>,
    /// <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>, <c>X-Amz-User-Agent</c>, <c>X-Api-Key</c>.
    /// </summary>
    public IReadOnlyList<string>? AllowHeaders { get; set; }

    /// <summary>Response headers the browser lets scripts read, beyond the safelisted ones (header names). Default: none.</summary>
    public IReadOnlyList<string>? ExposeHeaders { get; set; }

    /// <summary>
    /// Whether the browser may send cookies and credentials with cross-origin requests. Not allowed with the origin
    /// <c>*</c> (browsers refuse that combination). Default: false.
    /// </summary>
    public bool? AllowCredentials { get; set; }

    /// <summary>How long a browser may cache a preflight answer, whole seconds from 0 to 86400. Default: 10 minutes.</summary>
    public Amazon.CDK.Duration? MaxAge { get; set; }
}
