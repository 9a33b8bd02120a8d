using Amazon.CDK;

namespace MyWebApp.Cdk;

/// <summary>Settings of <see cref="WebAppStack"/>.</summary>
public sealed class WebAppStackProps : StackProps
{
    /// <summary>The web app's <c>.csproj</c>, published by a local <c>dotnet publish</c> at synth.</summary>
    public required string AppProjectPath { get; init; }
}
