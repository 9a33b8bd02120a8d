using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Composition;

/// <summary>Supplied Role, WorkerRole and ScheduleRole: no IAM resource anywhere, and a report of what they need.</summary>
[Collection("cdk")]
public sealed class SuppliedRolesCompositionTests(ComposedTemplates composed) : IClassFixture<ComposedTemplates>
{
    private string Id(Amazon.CDK.IResource resource) => ComposedTemplates.LogicalId(composed.SuppliedStack, resource);

    private JsonElement Report()
    {
        Assert.True(File.Exists(composed.SuppliedReportPath), $"expected the report at {composed.SuppliedReportPath}");
        return JsonDocument.Parse(File.ReadAllText(composed.SuppliedReportPath)).RootElement;
    }

    private (string[] Actions, string[] Ids)[] Statements(string function) =>
        Report().GetProperty("functions").EnumerateArray()
            .Single(f => f.GetProperty("function").GetString() == function)
            .GetProperty("statements").EnumerateArray()
            .Select(s => (
                s.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray(),
                s.GetProperty("resourceLogicalIds").EnumerateArray().Select(a => a.GetString()!).ToArray()))
            .ToArray();

    private static string[] ActionsOn(IEnumerable<(string[] Actions, string[] Ids)> statements, string logicalId) =>
        statements.Where(s => s.Ids.Contains(logicalId)).SelectMany(s => s.Actions).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void SuppliedRolesWithTasksAndSchedulesYieldNoIamResourcesAnywhere()
    {
        var json = composed.SuppliedJson;
        foreach (var type in new[] { "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" })
            Assert.Empty(json.OfType(type));
        Assert.DoesNotContain(json.Resources, r => r.Value!["Properties"]?["Policies"] is not null);
        var roles = json.OfType("AWS::Lambda::Function").Select(f => (string?)f.Value["Properties"]!["Role"]).ToHashSet();
        Assert.Equal(new HashSet<string?> { ComposedTemplates.WebRoleArn, ComposedTemplates.WorkerRoleArn }, roles);
        var schedule = Assert.Single(json.OfType("AWS::Scheduler::Schedule"));
        Assert.Equal(ComposedTemplates.ScheduleRoleArn, (string?)schedule.Value["Properties"]!["Target"]!["RoleArn"]);
    }

    [Fact]
    public void ReportListsTheExactTaskActionsForWebWorkerAndScheduler()
    {
        var app = composed.Supplied;
        var queue = Id(app.TaskQueue!);
        var table = Id(app.TaskStatusTable!);
        var payloads = Id(app.TaskPayloadBucket!);

        var web = Statements("web");
        Assert.Equal(["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"], ActionsOn(web, queue));
        Assert.Equal(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"], ActionsOn(web, table));
        Assert.Equal(["s3:PutObject"], ActionsOn(web, payloads));

        var worker = Statements("worker");
        Assert.Equal(["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"], ActionsOn(worker, queue));
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], ActionsOn(worker, table));
        Assert.Equal(["s3:GetObject"], ActionsOn(worker, payloads));
        Assert.Contains(worker, s => s.Actions.Contains("logs:PutLogEvents") && s.Ids.Contains(Id(app.WorkerFunction!.LogGroup)));

        var scheduler = Statements("scheduler");
        Assert.Equal(["lambda:InvokeFunction"], ActionsOn(scheduler, Id(app.WorkerAlias!)));
        Assert.Equal(["sqs:SendMessage"], ActionsOn(scheduler, Id((Amazon.CDK.IResource)app.TaskSchedules!.DeadLetterQueue!)));
    }

    [Fact]
    public void ReportIsPointedAtByAStackOutputWhenTheStatementsExceedTheOutputLimit()
    {
        var outputs = composed.SuppliedJson.Outputs;
        const string path = "artifacts/iam/Supplied-Foundry.required-permissions.json";
        Assert.Contains(outputs, o => o.Value!["Value"] is JsonValue v && (string?)v == path);
        var statements = JsonSerializer.Serialize(outputs.Single(o => o.Key.Contains("Statements", StringComparison.Ordinal)).Value!["Value"]);
        Assert.Contains(path, statements);
    }

    [Fact]
    public void StatementsOutputCarriesTheTaskStatementsOfSmallerApps()
    {
        // GIVEN supplied roles and tasks without the optional extras
        var (stack, _) = TestStacks.Create(p => { p.Tasks = new ServerlessWebAppTasksProps { StatusTable = false }; p.ManagementCommands = []; }, (stack, p) =>
        {
            p.Role = Role.FromRoleArn(stack, "OrgWebRole", ComposedTemplates.WebRoleArn);
            p.Tasks!.WorkerRole = Role.FromRoleArn(stack, "OrgWorkerRole", ComposedTemplates.WorkerRoleArn);
        });
        var outputs = new TemplateJson(Template.FromStack(stack)).Outputs;

        // THEN the statements output lists the web's send and the worker's consume actions
        var statements = JsonSerializer.Serialize(outputs.Single(o => o.Key.Contains("Statements", StringComparison.Ordinal)).Value!["Value"]);
        Assert.Contains("sqs:SendMessage", statements);
        Assert.Contains("sqs:ReceiveMessage", statements);
    }
}
