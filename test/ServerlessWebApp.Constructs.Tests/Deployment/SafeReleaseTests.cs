using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Deployment;

/// <summary>Releases through CodeDeploy: traffic shifting on both live aliases, rollback alarms on the new version, hooks and CodeDeploy's role.</summary>
[Collection("cdk")]
public class SafeReleaseTests
{
    private static readonly (Stack Stack, ServerlessWebApp App) CanaryApp = TestStacks.Create(p =>
    {
        p.PublicAccess = null;
        p.Authorization = ApiAuthorization.Iam();
        p.Tasks = new ServerlessWebAppTasksProps();
        p.Deployment = new ServerlessWebAppDeploymentProps
        {
            Traffic = TrafficShift.Canary(10, Duration.Minutes(5)),
            PreTraffic = DeploymentHook.Command("migrate", "--no-input"),
        };
    });

    private static readonly TemplateJson Canary = new(Template.FromStack(CanaryApp.Stack));

    private static string Id(TemplateJson template, string type, Func<JsonObject, bool>? where = null) =>
        template.OfType(type).Single(r => where?.Invoke(r.Value) ?? true).Key;

    private static string AliasOf(TemplateJson template, string role) => Id(template, "AWS::Lambda::Alias",
        a => template.Properties((string)a["Properties"]!["FunctionName"]!["Ref"]!)["Environment"]!["Variables"]!["SWA_FUNCTION_ROLE"]!.ToString() == role);

    private static string FunctionOf(TemplateJson template, string role) => Id(template, "AWS::Lambda::Function",
        f => f["Properties"]!["Environment"]?["Variables"]?["SWA_FUNCTION_ROLE"]?.ToString() == role);

    private static IReadOnlyList<JsonObject> Alarms(TemplateJson template) => template.OfType("AWS::CloudWatch::Alarm").Select(a => a.Value["Properties"]!.AsObject()).ToList();

    [Fact]
    public void WithoutDeploymentAReleaseMovesTheAliasAtOnceAndNothingIsBilled()
    {
        var template = new TemplateJson(TestStacks.Synth(p => p.Tasks = new ServerlessWebAppTasksProps()));
        Assert.Empty(template.OfType("AWS::CodeDeploy::DeploymentGroup"));
        Assert.Empty(template.OfType("AWS::CloudWatch::Alarm"));
        Assert.All(template.OfType("AWS::Lambda::Alias"), a => Assert.Null(a.Value["UpdatePolicy"]));
    }

    [Fact]
    public void CanaryShiftsBothLiveAliasesThroughCodeDeployWithAutomaticRollback()
    {
        Canary.Template.HasResourceProperties("AWS::CodeDeploy::Application", Match.ObjectLike(new Dictionary<string, object> { ["ComputePlatform"] = "Lambda" }));
        Canary.Template.HasResourceProperties("AWS::CodeDeploy::DeploymentConfig", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ComputePlatform"] = "Lambda",
            ["TrafficRoutingConfig"] = new Dictionary<string, object>
            {
                ["Type"] = "TimeBasedCanary",
                ["TimeBasedCanary"] = new Dictionary<string, object> { ["CanaryPercentage"] = 10, ["CanaryInterval"] = 5 },
            },
        }));
        var groups = Canary.OfType("AWS::CodeDeploy::DeploymentGroup");
        Assert.Equal(2, groups.Count);
        foreach (var (_, group) in groups)
        {
            var properties = group["Properties"]!;
            Assert.Equal(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"],
                properties["AutoRollbackConfiguration"]!["Events"]!.AsArray().Select(e => (string)e!).Order());
            Assert.True((bool)properties["AlarmConfiguration"]!["Enabled"]!);
        }
        foreach (var role in new[] { "web", "worker" })
        {
            var update = Canary.Resources[AliasOf(Canary, role)]!["UpdatePolicy"]!["CodeDeployLambdaAliasUpdate"]!;
            Assert.NotNull(update["ApplicationName"]);
            Assert.NotNull(update["DeploymentGroupName"]);
        }
        Assert.NotNull(CanaryApp.App.DeploymentGroup);
        Assert.NotNull(CanaryApp.App.WorkerDeploymentGroup);
    }

    [Fact]
    public void RollbackAlarmsWatchOnlyTheNewVersionOfEachFunction()
    {
        var alarms = Alarms(Canary);
        // Web: errors, throttles, 5xx rate, p99 duration; worker: errors, throttles.
        Assert.Equal(6, alarms.Count);
        Assert.Equal(6, CanaryApp.App.DeploymentAlarms.Count);
        var versionAlarms = alarms.Where(a => a["Dimensions"] is JsonArray).ToList();
        Assert.Equal(5, versionAlarms.Count);
        foreach (var alarm in versionAlarms)
        {
            var dimensions = alarm["Dimensions"]!.AsArray().ToDictionary(d => (string)d!["Name"]!, d => d!["Value"]!);
            Assert.Equal(["ExecutedVersion", "FunctionName", "Resource"], dimensions.Keys.Order());
            Assert.Equal("Version", (string?)dimensions["ExecutedVersion"]["Fn::GetAtt"]![1]);
            Assert.Equal("AWS/Lambda", (string?)alarm["Namespace"]);
            Assert.Equal(60, (int)alarm["Period"]!);
            Assert.Equal("notBreaching", (string?)alarm["TreatMissingData"]);
        }
        var latency = versionAlarms.Single(a => (string?)a["MetricName"] == "Duration");
        Assert.Equal("p99", (string?)latency["ExtendedStatistic"]);
        Assert.Equal(5000, (double)latency["Threshold"]!);
        Assert.Equal(2, (int)latency["EvaluationPeriods"]!);
        Assert.All(versionAlarms.Where(a => (string?)a["MetricName"] is "Errors" or "Throttles"), a => Assert.Equal(1, (double)a["Threshold"]!));

        var rate = alarms.Single(a => a["Metrics"] is JsonArray);
        Assert.Equal(5, (double)rate["Threshold"]!);
        var metrics = rate["Metrics"]!.AsArray();
        Assert.Contains(metrics, m => (string?)m!["Expression"] == "IF(requests > 0, 100 * errors / requests, 0)");
        Assert.Contains(metrics, m => (string?)m!["MetricStat"]?["Metric"]?["MetricName"] == "5xx");
    }

    [Fact]
    public void AlarmNamesSayWhichAppAndWhatBrokeAndDescriptionsSayWhatHappensAndWhatToDo()
    {
        foreach (var alarm in Alarms(Canary))
        {
            Assert.StartsWith("TestStack-WebApp release: ", (string)alarm["AlarmName"]!);
            var description = alarm["AlarmDescription"]!.ToJsonString();
            Assert.Contains("Rolls back a release", description);
            Assert.Contains("previous version", description);
        }
    }

    [Fact]
    public void ThresholdsAreAdjustableAndEachAlarmCanBeTurnedOff()
    {
        var template = new TemplateJson(TestStacks.Synth(p => p.Deployment = new ServerlessWebAppDeploymentProps
        {
            Traffic = TrafficShift.Linear(20, Duration.Minutes(2)),
            Alarms = new ServerlessWebAppDeploymentAlarmsProps { ErrorThreshold = 3, ServerErrorRateThreshold = 2.5, LatencyP99 = false, Throttles = false },
        }));
        template.Template.HasResourceProperties("AWS::CodeDeploy::DeploymentConfig", Match.ObjectLike(new Dictionary<string, object>
        {
            ["TrafficRoutingConfig"] = new Dictionary<string, object>
            {
                ["Type"] = "TimeBasedLinear",
                ["TimeBasedLinear"] = new Dictionary<string, object> { ["LinearPercentage"] = 20, ["LinearInterval"] = 2 },
            },
        }));
        var alarms = Alarms(template);
        Assert.Equal(2, alarms.Count);
        Assert.Equal(3, (double)alarms.Single(a => (string?)a["MetricName"] == "Errors")["Threshold"]!);
        Assert.Equal(2.5, (double)alarms.Single(a => a["Metrics"] is JsonArray)["Threshold"]!);
    }

    [Fact]
    public void AllAtOnceWithAHookGoesThroughCodeDeployWithoutAlarms()
    {
        var template = new TemplateJson(TestStacks.Synth(p => p.Deployment = new ServerlessWebAppDeploymentProps { PreTraffic = DeploymentHook.Command("migrate") }));
        var group = template.OfType("AWS::CodeDeploy::DeploymentGroup").Single().Value["Properties"]!;
        Assert.Equal("CodeDeployDefault.LambdaAllAtOnce", (string?)group["DeploymentConfigName"]);
        Assert.Empty(template.OfType("AWS::CloudWatch::Alarm"));
        Assert.Empty(template.OfType("AWS::CodeDeploy::DeploymentConfig"));
    }

    [Fact]
    public void CommandHookRunsTheManagementCommandOnTheNewWebVersionBeforeTraffic()
    {
        var hook = Canary.OfType("AWS::Lambda::Function").Single(f => (string?)f.Value["Properties"]!["Runtime"] == "python3.13");
        var properties = hook.Value["Properties"]!;
        var variables = properties["Environment"]!["Variables"]!;
        Assert.Equal("""{"command":"migrate","args":["--no-input"]}""", (string?)variables["COMMAND_EVENT"]);
        var version = Id(Canary, "AWS::Lambda::Version", v => (string?)v["Properties"]!["FunctionName"]!["Ref"] == FunctionOf(Canary, "web"));
        Assert.Equal(version, (string?)variables["TARGET_VERSION_ARN"]!["Ref"]);
        Assert.Equal("35", (string?)variables["INVOKE_TIMEOUT_SECONDS"]); // the web function's 30 s and a margin
        Assert.Equal("index.handler", (string?)properties["Handler"]);
        Assert.Equal("Active", (string?)properties["TracingConfig"]!["Mode"]);
        Assert.NotNull(properties["DeadLetterConfig"]);
        Assert.Contains("put_lifecycle_event_hook_execution_status", (string)properties["Code"]!["ZipFile"]!);

        var webAlias = Canary.Resources[AliasOf(Canary, "web")]!["UpdatePolicy"]!["CodeDeployLambdaAliasUpdate"]!;
        Assert.Equal(hook.Key, (string?)webAlias["BeforeAllowTrafficHook"]!["Ref"]);
        Assert.Null(webAlias["AfterAllowTrafficHook"]);
        Assert.Null(Canary.Resources[AliasOf(Canary, "worker")]!["UpdatePolicy"]!["CodeDeployLambdaAliasUpdate"]!["BeforeAllowTrafficHook"]);
        Assert.NotNull(CanaryApp.App.PreTrafficHook);
    }

    [Fact]
    public void HookRoleMayOnlyInvokeTheNewVersionAndReportToItsDeploymentGroup()
    {
        var hook = Canary.OfType("AWS::Lambda::Function").Single(f => (string?)f.Value["Properties"]!["Runtime"] == "python3.13").Value;
        var role = (string)hook["Properties"]!["Role"]!["Fn::GetAtt"]![0]!;
        var statements = Canary.StatementsOfRole(role);
        var invoke = statements.Single(s => TemplateJson.Actions(s).Contains("lambda:InvokeFunction"));
        Assert.Equal(["lambda:InvokeFunction"], TemplateJson.Actions(invoke));
        Assert.Contains(Id(Canary, "AWS::Lambda::Version", v => (string?)v["Properties"]!["FunctionName"]!["Ref"] == FunctionOf(Canary, "web")), invoke["Resource"]!.ToJsonString());
        var report = statements.Single(s => TemplateJson.Actions(s).Contains("codedeploy:PutLifecycleEventHookExecutionStatus"));
        Assert.Contains("deploymentgroup:", report["Resource"]!.ToJsonString());
        Assert.Equal(
            ["codedeploy:PutLifecycleEventHookExecutionStatus", "lambda:InvokeFunction", "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
            Canary.ActionsOfRole(role).Order());
    }

    [Fact]
    public void CodeDeployRoleHasNoManagedPolicyAndMayOnlyMoveTheAliasesReadItsAlarmsAndInvokeTheHook()
    {
        var role = Id(Canary, "AWS::IAM::Role", r => r["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().Contains("codedeploy.amazonaws.com"));
        Assert.Null(Canary.Properties(role)["ManagedPolicyArns"]);
        var statements = Canary.StatementsOfRole(role);
        Assert.Equal(
            ["cloudwatch:DescribeAlarms", "lambda:GetAlias", "lambda:GetProvisionedConcurrencyConfig", "lambda:InvokeFunction", "lambda:UpdateAlias"],
            Canary.ActionsOfRole(role).Order());
        var aliases = statements.Single(s => TemplateJson.Actions(s).Contains("lambda:UpdateAlias"))["Resource"]!.ToJsonString();
        Assert.Contains(AliasOf(Canary, "web"), aliases);
        Assert.Contains(AliasOf(Canary, "worker"), aliases);
        var alarms = statements.Single(s => TemplateJson.Actions(s).Contains("cloudwatch:DescribeAlarms"))["Resource"]!.AsArray();
        Assert.Equal(6, alarms.Count);
        Assert.DoesNotContain(statements, s => s["Resource"]!.ToJsonString() == "\"*\"");
    }

    [Fact]
    public void SuppliedFunctionHookIsInvokedAfterTrafficAndAdditionalAlarmsRollBackToo()
    {
        var (stack, _) = TestStacks.Create(null, (stack, p) =>
        {
            var smoke = new Amazon.CDK.AWS.Lambda.Function(stack, "Smoke", new Amazon.CDK.AWS.Lambda.FunctionProps
            {
                Runtime = Amazon.CDK.AWS.Lambda.Runtime.NODEJS_20_X,
                Handler = "index.handler",
                Code = Amazon.CDK.AWS.Lambda.Code.FromInline("exports.handler = async () => {};"),
            });
            var business = new Amazon.CDK.AWS.CloudWatch.Alarm(stack, "Orders", new Amazon.CDK.AWS.CloudWatch.AlarmProps
            {
                Metric = new Amazon.CDK.AWS.CloudWatch.Metric(new Amazon.CDK.AWS.CloudWatch.MetricProps { Namespace = "Shop", MetricName = "Orders" }),
                Threshold = 1,
                EvaluationPeriods = 1,
                ComparisonOperator = Amazon.CDK.AWS.CloudWatch.ComparisonOperator.LESS_THAN_THRESHOLD,
            });
            p.Deployment = new ServerlessWebAppDeploymentProps
            {
                Traffic = TrafficShift.Canary(5, Duration.Minutes(10)),
                PostTraffic = DeploymentHook.Function(smoke),
                Alarms = new ServerlessWebAppDeploymentAlarmsProps { Additional = [business] },
            };
        });
        var template = new TemplateJson(Template.FromStack(stack));
        var smoke = Id(template, "AWS::Lambda::Function", f => (string?)f["Properties"]!["Runtime"] == "nodejs20.x");
        var update = template.Resources[AliasOf(template, "web")]!["UpdatePolicy"]!["CodeDeployLambdaAliasUpdate"]!;
        Assert.Equal(smoke, (string?)update["AfterAllowTrafficHook"]!["Ref"]);
        var alarmNames = template.OfType("AWS::CodeDeploy::DeploymentGroup").Single().Value["Properties"]!["AlarmConfiguration"]!["Alarms"]!.ToJsonString();
        Assert.Contains(Id(template, "AWS::CloudWatch::Alarm", a => (string?)a["Properties"]!["Namespace"] == "Shop"), alarmNames);
        // The supplied function may report its verdict; CDK grants that on its role.
        var smokeRole = (string)template.Properties(smoke)["Role"]!["Fn::GetAtt"]![0]!;
        Assert.Contains("codedeploy:PutLifecycleEventHookExecutionStatus", template.ActionsOfRole(smokeRole));
    }

    [Fact]
    public void WithSuppliedRolesNoIamResourceIsCreatedAndTheReleaseRolesNeedsAreReported()
    {
        var artifacts = Directory.CreateTempSubdirectory("swa-release-").FullName;
        try
        {
            var app = TestFolders.NewApp(new AppProps { Context = new Dictionary<string, object> { [ArtifactsDirectory.ContextKey] = artifacts } });
            var stack = new Stack(app, "Released");
            IRole Supplied(string id, string name) => Role.FromRoleArn(stack, id, $"arn:aws:iam::{ExampleArns.Account}:role/{name}", new FromRoleArnOptions { Mutable = false });
            _ = new ServerlessWebApp(stack, "Foundry", TestStacks.Props(p =>
            {
                p.Role = Supplied("Web", "web");
                p.Deployment = new ServerlessWebAppDeploymentProps
                {
                    Traffic = TrafficShift.Canary(10, Duration.Minutes(5)),
                    PreTraffic = DeploymentHook.Command("migrate"),
                    Role = Supplied("CodeDeploy", "codedeploy"),
                    HookRole = Supplied("Hook", "hook"),
                };
            }));
            var template = new TemplateJson(Template.FromStack(stack));
            Assert.DoesNotContain(template.Resources, r => ((string)r.Value!["Type"]!).StartsWith("AWS::IAM::", StringComparison.Ordinal));
            var group = template.OfType("AWS::CodeDeploy::DeploymentGroup").Single().Value["Properties"]!;
            Assert.Contains("role/codedeploy", group["ServiceRoleArn"]!.ToJsonString());

            var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, "artifacts", "iam", "Released-Foundry.required-permissions.json"))).RootElement;
            string[] ActionsOf(string function) => report.GetProperty("functions").EnumerateArray()
                .Single(f => f.GetProperty("function").GetString() == function)
                .GetProperty("statements").EnumerateArray()
                .SelectMany(s => s.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)).Order().ToArray();
            Assert.Equal(["cloudwatch:DescribeAlarms", "lambda:GetAlias", "lambda:GetProvisionedConcurrencyConfig", "lambda:InvokeFunction", "lambda:UpdateAlias"], ActionsOf("deployment"));
            Assert.Contains("codedeploy:PutLifecycleEventHookExecutionStatus", ActionsOf("deployment-hook"));
            Assert.Contains("lambda:InvokeFunction", ActionsOf("deployment-hook"));
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
