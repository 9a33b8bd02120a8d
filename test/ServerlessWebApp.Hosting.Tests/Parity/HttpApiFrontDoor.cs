namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>An HTTP API on its execute-api domain, stage <c>prod</c>: <c>rawPath</c> arrives percent-decoded, stage included.</summary>
internal sealed class HttpApiFrontDoor : PayloadV2FrontDoor
{
    public override FrontDoorKind Kind => FrontDoorKind.HttpApi;

    public override string Host => "def456.execute-api.us-east-1.amazonaws.com";

    protected override string Stage => "prod";

    protected override string RawPath(ParityRequest request) => FrontDoorParts.DecodedPath(request.Path);
}
