using System.Runtime.InteropServices;
using Amazon.CDK.AWS.Lambda;
using Architecture = Amazon.CDK.AWS.Lambda.Architecture;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>A publish mode and architecture, with the Lambda runtime, handler and .NET runtime identifier they imply.</summary>
internal sealed record PublishTarget(PublishMode Mode, Architecture Architecture)
{
    /// <summary>The managed .NET 10 runtime (newer than this CDK version knows, hence built by name).</summary>
    public const string DotnetRuntimeName = "dotnet10";
    public const string BootstrapFileName = "bootstrap";

    public bool IsArm64 => Architecture.Name == Amazon.CDK.AWS.Lambda.Architecture.ARM_64.Name;

    public string RuntimeIdentifier => IsArm64 ? "linux-arm64" : "linux-x64";

    public bool IsSelfContained => Mode != PublishMode.FrameworkDependent;

    public Runtime LambdaRuntime => IsSelfContained
        ? Runtime.PROVIDED_AL2023
        : new Runtime(DotnetRuntimeName, RuntimeFamily.DOTNET_CORE);

    /// <summary>Executable-assembly mode: the managed runtime's handler is the assembly name; custom runtimes run <c>bootstrap</c>.</summary>
    public string Handler(string assemblyName) => IsSelfContained ? BootstrapFileName : assemblyName;

    /// <summary>The architecture Native AOT can target on this machine (no cross toolchain is assumed).</summary>
    public static Architecture BuildMachineArchitecture =>
        RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? Amazon.CDK.AWS.Lambda.Architecture.ARM_64
            : Amazon.CDK.AWS.Lambda.Architecture.X86_64;

    /// <summary>Values for the cache key: a change of mode or architecture must produce a different asset.</summary>
    public override string ToString() => $"{Mode}/{RuntimeIdentifier}";
}
