using System.Net;
using System.Text;
using System.Text.Json;

namespace Serverless.WebApp.EndToEnd.Tests.Local;

/// <summary>Outside Lambda the same published app is an ordinary Kestrel app.</summary>
public sealed class LocalKestrelTests(LocalSampleFixture fixture) : IClassFixture<LocalSampleFixture>
{
    private readonly LocalSample _sample = fixture.Sample;

    [Fact]
    public async Task GreetingIsServedOnKestrel()
    {
        // WHEN the greeting is requested over HTTP
        using var response = await _sample.Client.GetAsync("/compute-dna/");

        // THEN Kestrel serves the app's JSON greeting
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hello from the foundry", body.RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"dna_sequence":"ACGU"}""", "'U' at position 3")]
    [InlineData("""{"dna_sequence":""}""", "is empty")]
    [InlineData("""{}""", "is required")]
    [InlineData("""{"dna_sequence":5}""", "must be a JSON object")]
    [InlineData("""not json""", "must be a JSON object")]
    public async Task BadSubmissionIsRejectedWithAProblemNamingTheField(string body, string expected)
    {
        // WHEN a submission is invalid
        using var response = await _sample.Client.PostAsync("/compute-dna/", new StringContent(body, Encoding.UTF8, "application/json"));

        // THEN the answer is a 400 problem whose message names dna_sequence and what is wrong
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty("dna_sequence")[0].GetString();
        Assert.Contains("dna_sequence", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task SequenceOverTheLimitIsRejected()
    {
        // WHEN 100,001 bases are submitted
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["dna_sequence"] = new('A', 100_001) });
        using var response = await _sample.Client.PostAsync("/compute-dna/", new StringContent(body, Encoding.UTF8, "application/json"));

        // THEN the limit is named
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100,000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaticFileFromWwwrootIsServed()
    {
        // WHEN the page the construct deploys to S3 is requested locally
        using var response = await _sample.Client.GetAsync("/index.html");

        // THEN Kestrel serves it from the published wwwroot
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Foundry Service", await response.Content.ReadAsStringAsync());
    }
}
