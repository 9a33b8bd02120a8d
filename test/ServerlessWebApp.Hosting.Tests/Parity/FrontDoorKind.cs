namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>The services that turn a client's HTTP request into a Lambda event.</summary>
public enum FrontDoorKind
{
    RestApi,
    HttpApi,
    FunctionUrl,
    AlbSingleValue,
    AlbMultiValue,
}
