using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;

namespace Serverless.WebApp.Constructs.Tests.Support;

/// <summary>The error and warning annotations a synth of a stack reports, as the CDK CLI lists them: construct path and message.</summary>
internal static class SynthMessages
{
    public static IReadOnlyList<(string Path, string Message)> Errors(Stack stack) =>
        Annotations.FromStack(stack).FindError("*", Match.AnyValue()).Select(m => (m.Id, m.Entry.Data!.ToString()!)).ToList();

    public static IReadOnlyList<(string Path, string Message)> Warnings(Stack stack) =>
        Annotations.FromStack(stack).FindWarning("*", Match.AnyValue()).Select(m => (m.Id, m.Entry.Data!.ToString()!)).ToList();

    /// <summary>The messages of the errors on one construct (path as the CLI prints it, e.g. <c>/TestStack/WebApp</c>).</summary>
    public static IReadOnlyList<string> ErrorsOn(Stack stack, string path) =>
        Errors(stack).Where(e => e.Path == path).Select(e => e.Message).ToList();
}
