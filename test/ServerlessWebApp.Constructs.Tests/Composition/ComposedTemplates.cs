using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Compliance;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Composition;

/// <summary>The expensive synths the composition tests share: a full-featured app, and the same app with supplied roles.</summary>
public sealed class ComposedTemplates : IDisposable
{
    public const string WebRoleArn = "arn:aws:iam::123456789012:role/platform/foundry-web";
    public const string WorkerRoleArn = "arn:aws:iam::123456789012:role/platform/foundry-worker";
    public const string ScheduleRoleArn = "arn:aws:iam::123456789012:role/platform/foundry-scheduler";
    public const int WorkerTimeoutSeconds = 600;

    public ComposedTemplates()
    {
        Artifacts = Directory.CreateTempSubdirectory("swa-compose-").FullName;
        (FullStack, Full) = Synth("Composed", arrange: null);
        FullTemplate = Template.FromStack(FullStack);
        FullJson = new TemplateJson(FullTemplate);
        (SuppliedStack, Supplied) = Synth("Supplied", (stack, p) =>
        {
            p.Role = Role.FromRoleArn(stack, "OrgWebRole", WebRoleArn);
            p.Tasks!.WorkerRole = Role.FromRoleArn(stack, "OrgWorkerRole", WorkerRoleArn);
            p.Tasks.ScheduleRole = Role.FromRoleArn(stack, "OrgScheduleRole", ScheduleRoleArn);
        });
        SuppliedTemplate = Template.FromStack(SuppliedStack);
        SuppliedJson = new TemplateJson(SuppliedTemplate);
    }

    public string Artifacts { get; }

    public Stack FullStack { get; }
    public ServerlessWebApp Full { get; }
    public Template FullTemplate { get; }
    internal TemplateJson FullJson { get; }

    public Stack SuppliedStack { get; }
    public ServerlessWebApp Supplied { get; }
    public Template SuppliedTemplate { get; }
    internal TemplateJson SuppliedJson { get; }

    public string SuppliedReportPath => Path.Combine(Artifacts, "artifacts", "iam", "Supplied-Foundry.required-permissions.json");

    /// <summary>Tasks with every opt-in, a schedule, a command, uploads and provisioned concurrency on the web function.</summary>
    public static void FullFeatured(ServerlessWebAppProps p)
    {
        p.Tasks = new ServerlessWebAppTasksProps
        {
            WorkerTimeout = Duration.Seconds(WorkerTimeoutSeconds),
            WorkerMemorySize = 2048,
            MaxConcurrency = 5,
            MaxReceiveCount = 4,
            PayloadBucket = true,
            Schedules = [new ScheduledTask { Name = "nightly", Expression = "cron(0 3 * * ? *)", Task = "compute-dna", PayloadJson = "{\"size\":3}" }],
        };
        p.ManagementCommands = ["migrate"];
        p.UploadsBucket = true;
        p.ProvisionedConcurrentExecutions = 2;
    }

    private (Stack, ServerlessWebApp) Synth(string stackName, Action<Stack, ServerlessWebAppProps>? arrange)
    {
        var app = TestFolders.NewApp(new AppProps { Context = new Dictionary<string, object> { [ArtifactsDirectory.ContextKey] = Artifacts } });
        Aspects.Of(app).Add(new NoWildcardActionsAspect());
        var stack = new Stack(app, stackName);
        var props = TestStacks.Props(FullFeatured);
        arrange?.Invoke(stack, props);
        return (stack, new ServerlessWebApp(stack, "Foundry", props));
    }

    public static string LogicalId(Stack stack, Amazon.CDK.IResource resource) =>
        stack.GetLogicalId((CfnElement)resource.Node.DefaultChild!);

    public void Dispose() => Directory.Delete(Artifacts, recursive: true);
}
