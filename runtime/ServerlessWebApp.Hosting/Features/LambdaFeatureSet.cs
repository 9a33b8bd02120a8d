namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// The bridge's own feature objects for one request, reused from one invocation to the next (Lambda runs one at a
/// time). <see cref="LambdaFeatureCollection"/> serves them; event adapters fill them.
/// </summary>
internal sealed class LambdaFeatureSet
{
    public LambdaFeatureSet(Buffers.ResponseBodyBuffer responseBody)
    {
        RequestBodyStream = new RequestBodyStream(BodyControl);
        RequestBody = new LambdaRequestBodyFeature(RequestBodyStream);
        ResponseBody = new LambdaResponseBodyFeature(responseBody, Response, BodyControl);
    }

    public LambdaRequestFeature Request { get; } = new();

    public RequestBodyStream RequestBodyStream { get; }

    public LambdaRequestBodyFeature RequestBody { get; }

    public LambdaBodyControlFeature BodyControl { get; } = new();

    public LambdaResponseFeature Response { get; } = new();

    public LambdaResponseBodyFeature ResponseBody { get; }

    public LambdaConnectionFeature Connection { get; } = new();

    public LambdaTlsConnectionFeature Tls { get; } = new();

    public LambdaRequestLifetimeFeature Lifetime { get; } = new();

    public LambdaRequestIdentifierFeature Identifier { get; } = new();

    public LambdaRequestContextFeature Context { get; } = new();
}
