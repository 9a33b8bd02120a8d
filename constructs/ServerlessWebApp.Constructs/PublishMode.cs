namespace Serverless.WebApp.Constructs;

/// <summary>How the app is published and which Lambda runtime runs it.</summary>
public enum PublishMode
{
    /// <summary>
    /// Framework-dependent on the managed <c>dotnet10</c> runtime; handler = assembly name (executable assembly). The
    /// app's own assemblies and its NuGet packages are precompiled ReadyToRun for the function's architecture (set
    /// <c>PublishReadyToRun</c> to <c>false</c> in the project to ship IL only); nothing is trimmed.
    /// </summary>
    FrameworkDependent,
    /// <summary>Self-contained ReadyToRun on <c>provided.al2023</c>, started by a <c>bootstrap</c> launcher script.</summary>
    ReadyToRun,
    /// <summary>Native AOT on <c>provided.al2023</c>; the native executable is the <c>bootstrap</c>. Built for the build machine's architecture.</summary>
    NativeAot,
}
