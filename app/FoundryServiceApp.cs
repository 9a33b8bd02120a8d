using Serverless.WebApp.Constructs;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Constructs;

namespace Serverless.WebApp.CdkApp;

/// <summary>
/// The CDK app: the FoundryService sample in a <c>dev</c> and a <c>prod</c> stage, environment-agnostic unless a
/// stage is bound with context <c>swa:&lt;stage&gt;:account</c> (a 12-digit id, or <c>current</c> for the caller's
/// account via STS) and optionally <c>swa:&lt;stage&gt;:region</c>.
/// </summary>
public static partial class FoundryServiceApp
{
    public const string ProjectPathContext = "swa:projectPath";

    /// <summary>
    /// Context naming an already published FoundryService (a directory or <c>.zip</c>) to deploy instead of
    /// publishing the project at synth, e.g. when CI has published it or a test must not publish.
    /// </summary>
    public const string PrebuiltCodePathContext = "swa:prebuiltCodePath";
    public const string CurrentAccount = "current";
    public const string StackName = "FoundryService";
    public const string SampleProject = "samples/FoundryService/FoundryService.csproj";

    public static Amazon.CDK.App Build(Amazon.CDK.App app, Func<string?, IAccountResolver> accountResolver)
    {
        var prebuiltCodePath = app.Node.TryGetContext(PrebuiltCodePathContext) as string;
        var projectPath = prebuiltCodePath is null ? app.Node.TryGetContext(ProjectPathContext) as string ?? DefaultProjectPath() : null;
        foreach (var settings in StageSettings.All)
        {
            var stage = new Stage(app, settings.Name, new StageProps { Env = Environment(app, settings.Name, accountResolver) });
            var stack = new Stack(stage, StackName, new StackProps { Description = $"FoundryService sample ({settings.Name})" });
            var results = FoundryResultsTable.Create(stack, "Results");
            var props = settings.Props(projectPath!);
            if (prebuiltCodePath is not null) (props.ProjectPath, props.PrebuiltCodePath) = (null, prebuiltCodePath);
            props.Environment = new Dictionary<string, string>(props.Environment ?? new Dictionary<string, string>())
            {
                [FoundryResultsTable.EnvironmentVariable] = results.TableName,
            };
            var imports = SequenceImportsQueue.Create(stack, "SequenceImports", props.Tasks?.WorkerTimeout ?? WorkerTimeoutMissing(settings.Name));
            props.EventSources = new ServerlessWebAppEventSourcesProps { Sources = [SequenceImportsQueue.EventSource(imports)] };
            props.Secrets = new Dictionary<string, SecretReference>(props.Secrets ?? new Dictionary<string, SecretReference>())
            {
                [LabKeySecret.ConfigurationKey] = LabKeySecret.Reference(stack, settings.Name),
            };
            FoundryResultsTable.Grant(results, new ServerlessWebApp(stack, "Foundry", props));
        }
        return app;
    }

    private static Duration WorkerTimeoutMissing(string stage) =>
        throw new InvalidOperationException($"Stage '{stage}' sets no Tasks.WorkerTimeout: the imports queue's visibility timeout is sized from it.");

    /// <summary>null (environment-agnostic) unless the stage is bound to an account.</summary>
    internal static Amazon.CDK.Environment? Environment(Construct app, string stageName, Func<string?, IAccountResolver> accountResolver)
    {
        var accountKey = $"swa:{stageName}:account";
        if (app.Node.TryGetContext(accountKey) is not string binding) return null;
        var region = app.Node.TryGetContext($"swa:{stageName}:region") as string
            ?? System.Environment.GetEnvironmentVariable("AWS_REGION")
            ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");

        string account;
        if (binding == CurrentAccount)
        {
            try { account = accountResolver(region).ResolveCallerAccount(); }
            catch (AccountResolutionException e)
            {
                throw new AccountResolutionException($"Stage '{stageName}' is bound to the caller's account ({accountKey}={CurrentAccount}). {e.Message}", e);
            }
        }
        else if (AccountId().IsMatch(binding)) account = binding;
        else throw new ArgumentException($"Context {accountKey} = '{binding}' is invalid; allowed: a 12-digit account id or '{CurrentAccount}'.", accountKey);

        return new Amazon.CDK.Environment { Account = account, Region = region };
    }

    /// <summary>The sample project, found from the working directory (cdk runs the app at the repo root) or the binary.</summary>
    private static string DefaultProjectPath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ServerlessWebApp.sln"))) return Path.Combine(dir.FullName, SampleProject);
            }
        }
        throw new InvalidOperationException($"Cannot find the repository root (ServerlessWebApp.sln); set context {ProjectPathContext}.");
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
