using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>Makes <c>HttpContext.TraceIdentifier</c> the Lambda request id, so app logs and Lambda logs line up.</summary>
internal sealed class LambdaRequestIdentifierFeature : IHttpRequestIdentifierFeature
{
    public string TraceIdentifier { get; set; } = string.Empty;
}
