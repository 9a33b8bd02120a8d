using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Composition;

/// <summary>The worker, the task queue, their grants, environment and outputs as the ServerlessWebApp composes them.</summary>
[Collection("cdk")]
public sealed class TaskCompositionTests(ComposedTemplates composed) : IClassFixture<ComposedTemplates>
{
    private TemplateJson Json => composed.FullJson;
    private string Id(Amazon.CDK.IResource resource) => ComposedTemplates.LogicalId(composed.FullStack, resource);

    private JsonObject Variables(Amazon.CDK.AWS.Lambda.Function function) =>
        Json.Properties(Id(function))["Environment"]!["Variables"]!.AsObject();

    private static bool RefersTo(JsonObject statement, string logicalId) =>
        JsonSerializer.Serialize(statement["Resource"]).Contains($"\"{logicalId}\"", StringComparison.Ordinal);

    [Fact]
    public void WorkerFunctionHasTheWorkerTimeoutMemoryAndWorkerRoleVariable()
    {
        // GIVEN Tasks with a 600 s worker of 2048 MB  WHEN synthesized  THEN the worker function carries them
        var worker = composed.Full.WorkerFunction!;
        var properties = Json.Properties(Id(worker));
        Assert.Equal(ComposedTemplates.WorkerTimeoutSeconds, (int)properties["Timeout"]!);
        Assert.Equal(2048, (int)properties["MemorySize"]!);
        Assert.Equal("worker", (string?)Variables(worker)["SWA_FUNCTION_ROLE"]);
        Assert.Equal("web", (string?)Variables(composed.Full.Function)["SWA_FUNCTION_ROLE"]);
        Assert.Equal((string?)Json.Properties(Id(composed.Full.Function))["Handler"], (string?)properties["Handler"]);
    }

    [Fact]
    public void WorkerHasALiveAliasAndNoProvisionedConcurrencyOfTheWebFunction()
    {
        var aliases = Json.OfType("AWS::Lambda::Alias");
        Assert.Equal(2, aliases.Count);
        var workerAlias = Json.Properties(Id(composed.Full.WorkerAlias!));
        Assert.Equal("live", (string?)workerAlias["Name"]);
        Assert.Null(workerAlias["ProvisionedConcurrencyConfig"]);
        Assert.NotNull(Json.Properties(Id(composed.Full.Alias))["ProvisionedConcurrencyConfig"]);
    }

    [Fact]
    public void EventSourceMappingTargetsTheWorkerAliasWithPartialBatchResponses()
    {
        var mapping = Json.Properties(Id(composed.Full.TaskEventSource!));
        // The alias's function name renders as the qualified name taken from the worker alias's ARN.
        Assert.Contains($"\"Ref\":\"{Id(composed.Full.WorkerAlias!)}\"", JsonSerializer.Serialize(mapping["FunctionName"]));
        Assert.Contains(Id(composed.Full.TaskQueue!), JsonSerializer.Serialize(mapping["EventSourceArn"]));
        Assert.Equal("ReportBatchItemFailures", (string?)mapping["FunctionResponseTypes"]![0]);
        Assert.Equal(1, (int)mapping["BatchSize"]!);
        Assert.Equal(5, (int)mapping["ScalingConfig"]!["MaximumConcurrency"]!);
    }

    [Fact]
    public void VisibilityTimeoutIsSixTimesTheWorkerTimeoutAndTheDeadLetterQueueTakesFailures()
    {
        var queue = Json.Properties(Id(composed.Full.TaskQueue!));
        Assert.True((int)queue["VisibilityTimeout"]! >= 6 * ComposedTemplates.WorkerTimeoutSeconds);
        Assert.Equal(4, (int)queue["RedrivePolicy"]!["maxReceiveCount"]!);
        Assert.Contains(Id(composed.Full.TaskDeadLetterQueue!), JsonSerializer.Serialize(queue["RedrivePolicy"]));
    }

    [Fact]
    public void WebMayOnlySendTasksAndWorkerMayOnlyConsumeThem()
    {
        // GIVEN the created roles  WHEN their statements on the task queue are collected
        var queueId = Id(composed.Full.TaskQueue!);
        var web = Json.StatementsOfRole(Id(composed.Full.Role)).Where(s => RefersTo(s, queueId)).SelectMany(TemplateJson.Actions).ToHashSet();
        var worker = Json.StatementsOfRole(Id(composed.Full.WorkerRole!)).Where(s => RefersTo(s, queueId)).SelectMany(TemplateJson.Actions).ToHashSet();

        // THEN the web function sends only, the worker consumes only
        Assert.Equal(new HashSet<string> { "sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl" }, web);
        Assert.Contains("sqs:ReceiveMessage", worker);
        Assert.Contains("sqs:DeleteMessage", worker);
        Assert.DoesNotContain("sqs:SendMessage", worker);
        Assert.DoesNotContain("sqs:ReceiveMessage", web);
        Assert.DoesNotContain("sqs:DeleteMessage", web);
    }

    [Fact]
    public void WebRecordsStatusAndPutsPayloadsWhileWorkerUpdatesStatusAndGetsPayloads()
    {
        var tableId = Id(composed.Full.TaskStatusTable!);
        var bucketId = Id(composed.Full.TaskPayloadBucket!);
        var web = Json.StatementsOfRole(Id(composed.Full.Role));
        var worker = Json.StatementsOfRole(Id(composed.Full.WorkerRole!));
        Assert.Contains("dynamodb:PutItem", web.Where(s => RefersTo(s, tableId)).SelectMany(TemplateJson.Actions));
        Assert.DoesNotContain("dynamodb:UpdateItem", web.Where(s => RefersTo(s, tableId)).SelectMany(TemplateJson.Actions));
        Assert.Contains("dynamodb:UpdateItem", worker.Where(s => RefersTo(s, tableId)).SelectMany(TemplateJson.Actions));
        Assert.Equal(["s3:PutObject"], web.Where(s => RefersTo(s, bucketId)).SelectMany(TemplateJson.Actions));
        Assert.Equal(["s3:GetObject"], worker.Where(s => RefersTo(s, bucketId)).SelectMany(TemplateJson.Actions));
    }

    [Fact]
    public void WebGetsTheQueueUrlAndBothGetTheTableButOnlyTheWebFunctionCanEnqueue()
    {
        var web = Variables(composed.Full.Function);
        var worker = Variables(composed.Full.WorkerFunction!);
        Assert.Contains(Id(composed.Full.TaskQueue!), JsonSerializer.Serialize(web["SWA_TASK_QUEUE_URL"]));
        Assert.Null(worker["SWA_TASK_QUEUE_URL"]);
        foreach (var variables in new[] { web, worker })
        {
            Assert.Contains(Id(composed.Full.TaskStatusTable!), JsonSerializer.Serialize(variables["SWA_TASK_STATUS_TABLE"]));
            Assert.Contains(Id(composed.Full.TaskPayloadBucket!), JsonSerializer.Serialize(variables["SWA_TASK_PAYLOAD_BUCKET"]));
            Assert.NotNull(variables["SWA_UPLOADS_BUCKET"]);
        }
    }

    [Fact]
    public void OutputsHoldTheQueueUrlsAndTheExactInvokeCommandLine()
    {
        var outputs = Json.Outputs;
        Assert.Contains(outputs, o => JsonSerializer.Serialize(o.Value!["Value"]).Contains(Id(composed.Full.TaskQueue!)) && o.Key.Contains("QueueUrl"));
        Assert.Contains(outputs, o => JsonSerializer.Serialize(o.Value!["Value"]).Contains(Id(composed.Full.TaskDeadLetterQueue!)));
        var command = outputs.Single(o => o.Key.Contains("Commandmigrate", StringComparison.Ordinal)).Value!["Value"]!;
        // Fn::Join of literal text and references (region, web function name): render references as <Ref>.
        var parts = command["Fn::Join"]![1]!.AsArray();
        var line = string.Concat(parts.Select(part => part is JsonValue text ? (string)text! : "<Ref>"));
        Assert.Equal("aws lambda invoke --region <Ref> --function-name <Ref>:live --cli-binary-format raw-in-base64-out " +
                     "--payload '{\"command\":\"migrate\",\"args\":[]}' response.json", line);
        Assert.Contains(Id(composed.Full.Function), JsonSerializer.Serialize(command));
        Assert.StartsWith("aws lambda invoke", composed.Full.ManagementCommandLines["migrate"]);
    }

    [Fact]
    public void FullFeaturedAppPassesTheNoWildcardActionsAspect()
    {
        var errors = Amazon.CDK.Assertions.Annotations.FromStack(composed.FullStack).FindError("*", Match.AnyValue());
        Assert.Empty(errors);
        Assert.NotEmpty(Json.OfType("AWS::IAM::Policy"));
    }

    [Fact]
    public void PayloadObjectsAreAcknowledgedOnBothRolePoliciesWithTheTasksReason()
    {
        foreach (var role in new[] { composed.Full.Role, composed.Full.WorkerRole! })
        {
            var policy = Json.OfType("AWS::IAM::Policy").Single(p => p.Value["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == Id(role)));
            var metadata = JsonSerializer.Serialize(policy.Value["Metadata"]);
            Assert.Contains($"Resource::\\u003C{Id(composed.Full.TaskPayloadBucket!)}.Arn\\u003E/*", metadata);
        }
    }

    [Fact]
    public void GrantEnqueueLetsAnotherRoleSendAndRecordStatusButNotConsume()
    {
        // GIVEN an app with tasks and a role of another service
        var (stack, app) = TestStacks.Create(p => p.Tasks = new ServerlessWebAppTasksProps());
        var other = new Role(stack, "Other", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });

        // WHEN it is granted enqueue
        app.GrantEnqueue(other);
        var json = new TemplateJson(Template.FromStack(stack));

        // THEN it may send and write RECEIVED status, nothing else on the queue
        var actions = json.ActionsOfRole(stack.GetLogicalId((Amazon.CDK.CfnElement)other.Node.DefaultChild!));
        Assert.Contains("sqs:SendMessage", actions);
        Assert.Contains("dynamodb:PutItem", actions);
        Assert.DoesNotContain("sqs:ReceiveMessage", actions);
    }

    [Fact]
    public void GrantReadTaskStatusAllowsOnlyGetItemOnTheStatusTable()
    {
        var (stack, app) = TestStacks.Create(p => p.Tasks = new ServerlessWebAppTasksProps());
        var other = new Role(stack, "Dashboard", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        app.GrantReadTaskStatus(other);
        var json = new TemplateJson(Template.FromStack(stack));
        var statements = json.StatementsOfRole(stack.GetLogicalId((Amazon.CDK.CfnElement)other.Node.DefaultChild!));
        var statement = Assert.Single(statements);
        Assert.Equal(["dynamodb:GetItem"], TemplateJson.Actions(statement));
        Assert.Contains(stack.GetLogicalId((Amazon.CDK.CfnElement)app.TaskStatusTable!.Node.DefaultChild!), JsonSerializer.Serialize(statement["Resource"]));
    }

    [Fact]
    public void WorkerDoesNotTakeTheWebFunctionsReservedConcurrency()
    {
        var (stack, app) = TestStacks.Create(p => { p.Tasks = new ServerlessWebAppTasksProps(); p.ReservedConcurrentExecutions = 10; });
        var json = new TemplateJson(Template.FromStack(stack));
        Assert.Equal(10, (int)json.Properties(stack.GetLogicalId((Amazon.CDK.CfnElement)app.Function.Node.DefaultChild!))["ReservedConcurrentExecutions"]!);
        Assert.Null(json.Properties(stack.GetLogicalId((Amazon.CDK.CfnElement)app.WorkerFunction!.Node.DefaultChild!))["ReservedConcurrentExecutions"]);
    }

    [Fact]
    public void WithoutTasksThereIsNoWorkerQueueOrEventSource()
    {
        var (stack, app) = TestStacks.Create();
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 0);
        template.ResourceCountIs("AWS::DynamoDB::Table", 0);
        Assert.Null(app.WorkerFunction);
        Assert.Null(app.TaskQueue);
        Assert.Throws<InvalidOperationException>(() => app.GrantEnqueue(new AccountRootPrincipal()));
    }
}
