using Serverless.WebApp.Constructs.Bundling;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The code source: <c>ProjectPath</c> or <c>PrebuiltCodePath</c>, <c>AssemblyName</c>, <c>PublishMode</c> and <c>Architecture</c>.</summary>
internal static class CodeChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.ProjectPath is null == (props.PrebuiltCodePath is null))
        {
            findings.Error(nameof(props.ProjectPath), "and PrebuiltCodePath: set exactly one; allowed: ProjectPath = a .csproj to publish, or PrebuiltCodePath = a published directory or .zip");
        }
        if (props.ProjectPath is not null)
        {
            if (!props.ProjectPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                findings.Error(nameof(props.ProjectPath), $"'{props.ProjectPath}' is not a project file; allowed: a path to a .csproj");
            if (!File.Exists(props.ProjectPath))
                findings.Error(nameof(props.ProjectPath), $"'{Path.GetFullPath(props.ProjectPath)}' does not exist; allowed: a path to an existing .csproj");
        }

        var target = FunctionDefaults.Target(props);
        if (target.Mode == PublishMode.NativeAot && target.Architecture.Name != PublishTarget.BuildMachineArchitecture.Name)
        {
            findings.Error(nameof(props.Architecture),
                $"'{target.Architecture.Name}' cannot be built with PublishMode.NativeAot on this {PublishTarget.BuildMachineArchitecture.Name} machine " +
                "(Native AOT does not cross-compile without a cross toolchain); allowed: " +
                $"'{PublishTarget.BuildMachineArchitecture.Name}' (or omit it), or PublishMode.ReadyToRun / FrameworkDependent for {target.Architecture.Name}");
        }

        if (props.PrebuiltCodePath is not null) CheckPrebuilt(findings, props, target);
    }

    private static void CheckPrebuilt(Findings findings, ServerlessWebAppProps props, PublishTarget target)
    {
        var path = props.PrebuiltCodePath!;
        var isZip = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        if (!(Directory.Exists(path) || (isZip && File.Exists(path))))
        {
            findings.Error(nameof(props.PrebuiltCodePath), $"'{Path.GetFullPath(path)}' does not exist; allowed: an existing directory or .zip file");
        }
        if (Directory.Exists(path) && target.IsSelfContained && !File.Exists(Path.Combine(path, PublishTarget.BootstrapFileName)))
        {
            findings.Error(nameof(props.PrebuiltCodePath), $"'{path}' has no 'bootstrap' file, which PublishMode.{target.Mode} on provided.al2023 starts; allowed: a self-contained publish output with an executable 'bootstrap'");
        }
        if (!target.IsSelfContained && props.AssemblyName is null && CodeBuilder.AssemblyNameOfPrebuilt(path) is null)
        {
            findings.Error(nameof(props.AssemblyName), $"is required: the app's assembly cannot be found in '{path}' (no single *.runtimeconfig.json); allowed: the assembly name, e.g. \"FoundryService\"");
        }
    }
}
