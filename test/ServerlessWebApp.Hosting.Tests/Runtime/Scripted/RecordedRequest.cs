namespace Serverless.WebApp.Hosting.Tests.Runtime.Scripted;

/// <summary>One request as it arrived at <see cref="ScriptedRuntimeApi"/>, and the connection (1, 2, …) it came on.</summary>
internal sealed record RecordedRequest(int Connection, string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool IsNext => Method == "GET" && Target == "/2018-06-01/runtime/invocation/next";
}
