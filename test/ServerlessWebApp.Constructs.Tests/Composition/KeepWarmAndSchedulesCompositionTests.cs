using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Composition;

/// <summary>Keep-warm on the web alias (on by default), schedules on the worker alias through one role, boundaries.</summary>
[Collection("cdk")]
public sealed class KeepWarmAndSchedulesCompositionTests(ComposedTemplates composed) : IClassFixture<ComposedTemplates>
{
    private string Id(Amazon.CDK.IResource resource) => ComposedTemplates.LogicalId(composed.FullStack, resource);

    [Fact]
    public void KeepWarmIsOnByDefaultEveryFiveMinutesOnTheWebAlias()
    {
        // GIVEN default props  WHEN synthesized
        var (stack, app) = TestStacks.Create();
        var json = new TemplateJson(Template.FromStack(stack));

        // THEN one rule pings the web function's live alias with the keep-warm control event
        var rule = Assert.Single(json.OfType("AWS::Events::Rule"));
        var properties = rule.Value["Properties"]!;
        Assert.Equal("rate(5 minutes)", (string?)properties["ScheduleExpression"]);
        var target = properties["Targets"]![0]!;
        Assert.Equal(stack.GetLogicalId((CfnElement)app.Alias.Node.DefaultChild!), (string?)target["Arn"]!["Ref"]);
        Assert.Equal("{\"serverlessWebApp\":{\"kind\":\"keep-warm\"}}", (string?)target["Input"]);
        Assert.NotNull(target["DeadLetterConfig"]);
        Assert.NotNull(app.KeepWarmRule);
    }

    [Fact]
    public void KeepWarmRateIsConfigurable()
    {
        var template = TestStacks.Synth(p => p.KeepWarm = new ServerlessWebAppKeepWarmProps { Rate = Duration.Minutes(10) });
        template.HasResourceProperties("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object> { ["ScheduleExpression"] = "rate(10 minutes)" }));
    }

    [Fact]
    public void KeepWarmOffCreatesNoRule()
    {
        var (stack, app) = TestStacks.Create(p => p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = false });
        Template.FromStack(stack).ResourceCountIs("AWS::Events::Rule", 0);
        Assert.Null(app.KeepWarmRule);
    }

    [Fact]
    public void SchedulesInvokeTheWorkerAliasThroughOneRoleWithTheTaskInTheInput()
    {
        var schedules = composed.FullJson.OfType("AWS::Scheduler::Schedule");
        var schedule = Assert.Single(schedules).Value["Properties"]!;
        Assert.Equal("cron(0 3 * * ? *)", (string?)schedule["ScheduleExpression"]);
        var target = schedule["Target"]!;
        Assert.Equal(Id(composed.Full.WorkerAlias!), (string?)target["Arn"]!["Ref"]);
        Assert.Equal("{\"serverlessWebApp\":{\"kind\":\"task\",\"task\":\"compute-dna\",\"payload\":{\"size\":3},\"schedule\":\"nightly\"}}", (string?)target["Input"]);
        var roleId = Id(composed.Full.TaskSchedules!.Role!);
        Assert.Contains(roleId, JsonSerializer.Serialize(target["RoleArn"]));
        Assert.Equal(new HashSet<string> { "lambda:InvokeFunction", "sqs:SendMessage" }, composed.FullJson.ActionsOfRole(roleId));
        // No per-schedule Lambda permission: nothing grants anyone on the worker's resource policy.
        var workerIds = new[] { Id(composed.Full.WorkerFunction!), Id(composed.Full.WorkerAlias!) };
        Assert.DoesNotContain(composed.FullJson.OfType("AWS::Lambda::Permission"),
            p => workerIds.Any(id => JsonSerializer.Serialize(p.Value["Properties"]!["FunctionName"]).Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public void PermissionsBoundaryLandsOnTheWorkerAndSchedulerRoles()
    {
        // GIVEN tasks, a schedule and a boundary
        var (stack, app) = TestStacks.Create(ComposedTemplates.FullFeatured,
            (stack, p) => p.PermissionsBoundary = ManagedPolicy.FromManagedPolicyName(stack, "Boundary", "org-boundary"));
        var json = new TemplateJson(Template.FromStack(stack));

        // THEN every created role, the worker's and the scheduler's included, carries it
        var roles = json.OfType("AWS::IAM::Role");
        Assert.Contains(roles, r => r.Key == stack.GetLogicalId((CfnElement)app.WorkerRole!.Node.DefaultChild!));
        Assert.Contains(roles, r => r.Key == stack.GetLogicalId((CfnElement)app.TaskSchedules!.Role!.Node.DefaultChild!));
        Assert.All(roles, r => Assert.Contains("org-boundary", JsonSerializer.Serialize(r.Value["Properties"]!["PermissionsBoundary"])));
    }

    [Fact]
    public void NoManagementCommandsPrintsNoCommandLineAndTheDefaultPrintsHelp()
    {
        var none = new TemplateJson(TestStacks.Synth(p => p.ManagementCommands = []));
        Assert.DoesNotContain(none.Outputs, o => o.Key.Contains("InvokeCommand", StringComparison.Ordinal));
        var (_, app) = TestStacks.Create();
        Assert.Equal(["help"], app.ManagementCommandLines.Keys);
    }
}
