using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Composition;

[Collection("cdk")]
public sealed class MultipleInstancesWithTasksTests
{
    [Fact]
    public void TwoAppsWithTasksInOneStackGetSeparateWorkersQueuesTablesAndSchedules()
    {
        // GIVEN two full-featured apps in one stack
        var stack = TestStacks.NewStack();
        var shop = new ServerlessWebApp(stack, "Shop", TestStacks.Props(ComposedTemplates.FullFeatured));
        var admin = new ServerlessWebApp(stack, "Admin", TestStacks.Props(ComposedTemplates.FullFeatured));

        // WHEN synthesized THEN each has its own worker, alias, queue pair, table, event source, rule and schedule
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::Alias", 4);
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        template.ResourceCountIs("AWS::DynamoDB::Table", 2);
        template.ResourceCountIs("AWS::Events::Rule", 2);
        template.ResourceCountIs("AWS::Scheduler::Schedule", 2);
        Assert.NotSame(shop.TaskQueue, admin.TaskQueue);
        Assert.NotEqual(shop.WorkerFunction!.Node.Path, admin.WorkerFunction!.Node.Path);
        Assert.Equal(2, template.FindOutputs("*").Keys.Count(k => k.Contains("Commandmigrate", StringComparison.Ordinal)));
    }
}
