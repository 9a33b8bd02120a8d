using System.Text.Json;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>What the sample answers on every route, whichever source carried the request.</summary>
internal static class SampleAssertions
{
    public const string GreetingPath = "/compute-dna/";
    public const string InvalidSequenceBody = """{"dna_sequence":"ACGU"}""";

    /// <summary>A sequence whose analysis <see cref="ShowsAnalysisOfGgccat"/> knows: 6 bases, GC content 4/6.</summary>
    public const string Ggccat = "GGCCAT";

    public static void IsGreeting(HttpResponseShape response)
    {
        Assert.True(response.StatusCode == 200, $"Expected 200, got {response}");
        Assert.StartsWith("application/json", response.Header("content-type"));
        Assert.Contains("Hello from the foundry", response.BodyJson().GetProperty("message").GetString());
    }

    public static void IsInvalidSequenceProblem(HttpResponseShape response)
    {
        Assert.True(response.StatusCode == 400, $"Expected 400, got {response}");
        Assert.StartsWith("application/problem+json", response.Header("content-type"));
        var problem = response.BodyJson();
        var messages = problem.GetProperty("errors").GetProperty("dna_sequence");
        Assert.Contains("'U' at position 3", messages[0].GetString());
        Assert.Contains("A, C, G and T", problem.GetProperty("detail").GetString());
    }

    /// <summary>What <c>results:show</c> prints for a finished <see cref="Ggccat"/> task: its stored analysis as a JSON line.</summary>
    public static void ShowsAnalysisOfGgccat(string commandOutput)
    {
        var line = commandOutput.Split('\n').Single(l => l.StartsWith('{'));
        using var analysis = JsonDocument.Parse(line);
        Assert.Equal(6, analysis.RootElement.GetProperty("length").GetInt32());
        Assert.Equal(0.666667, analysis.RootElement.GetProperty("gc_content").GetDouble());
    }
}
