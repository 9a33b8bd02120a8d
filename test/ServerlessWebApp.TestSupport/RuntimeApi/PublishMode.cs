namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>The three ways the construct deploys an app, as <c>dotnet publish</c> produces them.</summary>
public enum PublishMode
{
    /// <summary>Managed <c>dotnet10</c> runtime: started as <c>dotnet FoundryService.dll</c>.</summary>
    FrameworkDependent,
    /// <summary>Self-contained ReadyToRun on <c>provided.al2023</c>: started as <c>bootstrap</c>.</summary>
    ReadyToRun,
    /// <summary>Native AOT on <c>provided.al2023</c>: started as <c>bootstrap</c>.</summary>
    NativeAot,
}
