using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// What the pipeline asks about the request body before it reads one: whether there can be a body at all (minimal
/// APIs bind a JSON or form body only when there can), and the maximum size (<c>[RequestSizeLimit]</c> sets it).
/// </summary>
internal sealed class LambdaRequestBodyFeature(RequestBodyStream body) : IHttpRequestBodyDetectionFeature, IHttpMaxRequestBodySizeFeature
{
    /// <summary>The server-wide maximum a request starts with.</summary>
    public long? DefaultMaxRequestBodySize { get; set; }

    public bool CanHaveBody => body.BodyLength > 0;

    public bool IsReadOnly => body.HasStarted;

    public long? MaxRequestBodySize
    {
        get => body.MaxSize;
        set
        {
            if (IsReadOnly) throw new InvalidOperationException("The maximum request body size cannot be modified after the app has already started reading the request body.");
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Value must be a non-negative number or null.");
            body.MaxSize = value;
        }
    }

    public void Reset() => body.MaxSize = DefaultMaxRequestBodySize;
}
