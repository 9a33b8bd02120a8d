using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tests.Support;

/// <summary>Synthesizes the construct with invalid props and returns the synth errors that name one property.</summary>
internal static class PropsRejection
{
    /// <summary>
    /// The errors naming <paramref name="property"/> (joined by new lines); asserts there is one, that each says what is
    /// allowed, and that the construct built nothing.
    /// </summary>
    public static string Rejected(string property, Action<Stack, ServerlessWebAppProps> change)
    {
        var stack = TestStacks.NewStack();
        var props = TestStacks.Props();
        change(stack, props);
        var webApp = new ServerlessWebApp(stack, "WebApp", props);
        Assert.Empty(webApp.Node.Children);
        var all = SynthMessages.ErrorsOn(stack, "/TestStack/WebApp");
        var errors = all.Where(e => e.StartsWith(property + " ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count > 0, $"no error on {property}; errors: {string.Join(" | ", all)}");
        Assert.All(errors, error => Assert.Contains("allowed", error, StringComparison.OrdinalIgnoreCase));
        return string.Join(System.Environment.NewLine, errors);
    }
}
