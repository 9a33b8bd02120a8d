using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.EndToEnd.Tests.Lambda;

/// <summary>What the sample answers on every route, whichever source carried the request.</summary>
internal static class SampleAssertions
{
    public const string GreetingPath = "/compute-dna/";
    public const string InvalidSequenceBody = """{"dna_sequence":"ACGU"}""";

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
}
