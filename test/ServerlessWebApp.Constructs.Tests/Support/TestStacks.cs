using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace Serverless.WebApp.Constructs.Tests.Support;

/// <summary>Builds env-agnostic test stacks around the construct, with a prebuilt code source so nothing is published.</summary>
internal static class TestStacks
{
    public static Stack NewStack(string name = "TestStack") => new(TestFolders.NewApp(), name);

    /// <summary>Valid props for a public HTTP API on a prebuilt app without static files.</summary>
    public static ServerlessWebAppProps Props(Action<ServerlessWebAppProps>? change = null)
    {
        var props = new ServerlessWebAppProps { PrebuiltCodePath = PrebuiltApps.FrameworkDependent, PublicAccess = true };
        change?.Invoke(props);
        return props;
    }

    public static (Stack Stack, ServerlessWebApp App) Create(Action<ServerlessWebAppProps>? change = null, Action<Stack, ServerlessWebAppProps>? arrange = null)
    {
        var stack = NewStack();
        var props = Props(change);
        arrange?.Invoke(stack, props);
        return (stack, new ServerlessWebApp(stack, "WebApp", props));
    }

    public static Template Synth(Action<ServerlessWebAppProps>? change = null, Action<Stack, ServerlessWebAppProps>? arrange = null) =>
        Template.FromStack(Create(change, arrange).Stack);

    /// <summary>The single resource of <paramref name="type"/> as a dictionary tree, for assertions CDK matchers make awkward.</summary>
    public static IDictionary<string, object> Single(Template template, string type)
    {
        var resources = template.FindResources(type);
        Assert.Single(resources);
        return (IDictionary<string, object>)resources.Values.Single();
    }

    /// <summary>
    /// The properties of the app's one web function (SWA_FUNCTION_ROLE=web), whatever helper functions CDK adds beside it
    /// (for example the BucketDeployment handler when the app has static files).
    /// </summary>
    public static IDictionary<string, object> WebFunctionProperties(Template template)
    {
        var webFunctions = template.FindResources("AWS::Lambda::Function").Values
            .Select(resource => Properties((IDictionary<string, object>)resource))
            .Where(properties => properties.TryGetValue("Environment", out var environment)
                && ((IDictionary<string, object>)environment).TryGetValue("Variables", out var variables)
                && ((IDictionary<string, object>)variables).TryGetValue("SWA_FUNCTION_ROLE", out var role)
                && Equals(role, "web"))
            .ToList();
        return Assert.Single(webFunctions);
    }

    public static IDictionary<string, object> Properties(IDictionary<string, object> resource) =>
        (IDictionary<string, object>)resource["Properties"];
}
