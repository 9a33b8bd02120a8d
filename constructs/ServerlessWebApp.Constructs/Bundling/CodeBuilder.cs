using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3.Assets;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>Turns the code props into a Lambda asset: a project published locally, or a prebuilt directory/zip.</summary>
internal static class CodeBuilder
{
    private const string WebRootFolder = "wwwroot";

    public static AppCode Build(ServerlessWebAppProps props, PublishTarget target)
    {
        if (props.ProjectPath is not null)
        {
            var project = ProjectFile.Load(props.ProjectPath);
            var assemblyName = props.AssemblyName ?? project.AssemblyName;
            var bundler = new DotnetPublishBundling(project.FullPath, assemblyName, target);
            var code = Code.FromAsset(project.Directory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
            {
                AssetHashType = AssetHashType.CUSTOM,
                AssetHash = SourceHash.Compute(project.FullPath, target),
                Bundling = new BundlingOptions
                {
                    // Required by the API but never run: local bundling always succeeds or throws.
                    Image = DockerImage.FromRegistry("dummy"),
                    Local = bundler,
                },
            });
            return new AppCode(code, target, target.Handler(assemblyName), ExistingFolder(project.Directory, WebRootFolder), bundler);
        }

        var prebuilt = Path.GetFullPath(props.PrebuiltCodePath!);
        var prebuiltAssembly = props.AssemblyName ?? AssemblyNameOfPrebuilt(prebuilt);
        var webRoot = Directory.Exists(prebuilt) ? ExistingFolder(prebuilt, WebRootFolder) : null;
        return new AppCode(Code.FromAsset(prebuilt), target, target.Handler(prebuiltAssembly ?? PublishTarget.BootstrapFileName), webRoot, null);
    }

    /// <summary>The single <c>*.runtimeconfig.json</c> of a published directory names the app's assembly.</summary>
    internal static string? AssemblyNameOfPrebuilt(string prebuiltPath)
    {
        if (!Directory.Exists(prebuiltPath)) return null;
        var configs = Directory.GetFiles(prebuiltPath, "*.runtimeconfig.json");
        return configs.Length == 1 ? Path.GetFileName(configs[0])[..^".runtimeconfig.json".Length] : null;
    }

    private static string? ExistingFolder(string parent, string name)
    {
        var path = Path.Combine(parent, name);
        return Directory.Exists(path) ? path : null;
    }
}
