using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.CdkApp;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.CdkApp;

/// <summary>The sample's tasks, keep-warm and schedules in each stage (reusing the one publish of this run).</summary>
[Collection("cdk")]
public class FoundryServiceTasksTests
{
    private sealed class UnusedResolver : IAccountResolver
    {
        public string ResolveCallerAccount() => throw new InvalidOperationException("no stage is bound in these tests");
    }

    private static (Template Dev, Template Prod) SynthStages()
    {
        var app = new Amazon.CDK.App(new AppProps
        {
            Outdir = PublishedSample.Instance.Outdir,
            Context = new Dictionary<string, object> { [FoundryServiceApp.ProjectPathContext] = PublishedSample.ProjectPath },
        });
        FoundryServiceApp.Build(app, _ => new UnusedResolver());
        Template Of(string stage) => Template.FromStack((Stack)app.Node.FindChild(stage).Node.FindChild(FoundryServiceApp.StackName));
        return (Of("dev"), Of("prod"));
    }

    [Fact]
    public void BothStagesRunComputeDnaTasksOnAWorkerSizedPerStageWithAStatusTable()
    {
        var (dev, prod) = SynthStages();
        foreach (var template in new[] { dev, prod })
        {
            template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 2); // the task queue, the sequence imports
            template.ResourceCountIs("AWS::DynamoDB::Table", 2); // task status, DNA results
        }
        dev.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Timeout"] = 120, ["MemorySize"] = 512 }));
        prod.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Timeout"] = 900, ["MemorySize"] = 3538 }));
        prod.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object> { ["LifecycleConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
        {
            ["Rules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["Id"] = "ExpireTaskPayloads" })]),
        }) }));
    }

    [Fact]
    public void ResultsTableNameReachesBothFunctionsAndOnlyTheWorkerMayPutResults()
    {
        var (_, prod) = SynthStages();
        var json = new Tasks.TemplateJson(prod);
        var functions = json.OfType("AWS::Lambda::Function").Where(f => ((string?)f.Value["Properties"]!["Description"])?.Contains("Foundry (") == true).ToList();
        Assert.Equal(2, functions.Count);
        Assert.All(functions, f => Assert.NotNull(f.Value["Properties"]!["Environment"]!["Variables"]![FoundryResultsTable.EnvironmentVariable]));
        var results = json.OfType("AWS::DynamoDB::Table").Single(t => t.Value["Properties"]!["TimeToLiveSpecification"] is null).Key;
        var putters = json.OfType("AWS::IAM::Policy")
            .Where(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
                .Any(s => TemplateActions(s!).Contains("dynamodb:PutItem") && s!["Resource"]!.ToJsonString().Contains(results)))
            .Select(p => p.Key).ToList();
        Assert.Single(putters);
        Assert.Contains("Worker", putters[0]);
    }

    [Fact]
    public void BothStagesMapTheSequenceImportsQueueOnTheWorkerAndReadTheLabKeyIntoConfiguration()
    {
        var (dev, prod) = SynthStages();
        foreach (var (stage, template, workerTimeout) in new[] { ("dev", dev, 120), ("prod", prod, 900) })
        {
            var json = new Tasks.TemplateJson(template);
            var worker = WorkerVariables(json);
            // THEN the worker routes the imports queue's records to the name the sample maps
            var imports = json.OfType("AWS::SQS::Queue").Single(q => q.Key.StartsWith("SequenceImports", StringComparison.Ordinal) && !q.Key.Contains("DeadLetters"));
            Assert.Contains($"{SequenceImportsQueue.EventSourceName}=", worker[Contract.SwaEnvironment.EventSources]!.ToJsonString());
            Assert.Contains(imports.Key, worker[Contract.SwaEnvironment.EventSources]!.ToJsonString());
            // AND the queue is sized as AWS recommends for the stage's worker, with a redrive policy
            Assert.Equal(6 * workerTimeout, (int)imports.Value["Properties"]!["VisibilityTimeout"]!);
            Assert.Equal(SequenceImportsQueue.MaxReceiveCount, (int)imports.Value["Properties"]!["RedrivePolicy"]!["maxReceiveCount"]!);
            // AND both functions read the lab key by its configuration key, never its value
            Assert.Equal($"{LabKeySecret.ConfigurationKey}={LabKeySecret.ParameterName(stage)}", (string?)worker[Contract.SwaEnvironment.Secrets]);
        }
    }

    private static System.Text.Json.Nodes.JsonObject WorkerVariables(Tasks.TemplateJson json) =>
        json.OfType("AWS::Lambda::Function").Select(f => f.Value["Properties"]!["Environment"]?["Variables"]?.AsObject())
            .Single(v => (string?)v?[Contract.SwaEnvironment.FunctionRole] == Contract.SwaEnvironment.WorkerRole)!;

    private static IEnumerable<string> TemplateActions(System.Text.Json.Nodes.JsonNode statement) => Tasks.TemplateJson.Actions(statement.AsObject());

    [Fact]
    public void ProdKeepsWarmAndRunsANightlyComputeDnaScheduleWhileDevDoesNeither()
    {
        var (dev, prod) = SynthStages();
        dev.ResourceCountIs("AWS::Events::Rule", 0);
        dev.ResourceCountIs("AWS::Scheduler::Schedule", 0);
        prod.ResourceCountIs("AWS::Events::Rule", 1);
        prod.HasResourceProperties("AWS::Scheduler::Schedule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "cron(0 3 * * ? *)",
            ["Target"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Input"] = Match.StringLikeRegexp("\"task\":\"compute-dna\""),
            }),
        }));
    }
}
