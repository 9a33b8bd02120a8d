namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>A function URL: its own domain, no stage, <c>rawPath</c> as the client encoded it.</summary>
internal sealed class FunctionUrlFrontDoor : PayloadV2FrontDoor
{
    public override FrontDoorKind Kind => FrontDoorKind.FunctionUrl;

    public override string Host => "fnurl7xyz.lambda-url.us-east-1.on.aws";

    protected override string Stage => "$default";

    protected override string RawPath(ParityRequest request) => request.Path;
}
