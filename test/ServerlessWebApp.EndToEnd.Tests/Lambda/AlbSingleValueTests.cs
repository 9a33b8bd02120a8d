using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>ALB (single-value headers) events through the published sample process.</summary>
[Collection(LambdaSampleCollection.Name)]
public sealed class AlbSingleValueTests(LambdaSampleFixture sample)
{
    [Fact]
    public async Task GreetingIsServedThroughAlbSingleValue()
    {
        // GIVEN the sample running against the emulator
        // WHEN a GET arrives as a ALB (single-value headers) event
        var response = await sample.InvokeHttpAsync(SampleEvents.AlbSingleValue("GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in the source's response shape
        SampleAssertions.IsGreeting(response);
        Assert.Equal("200 OK", response.Json.GetProperty("statusDescription").GetString());
        Assert.True(response.HasProperty("headers"));
        Assert.False(response.HasProperty("multiValueHeaders"));
    }

    [Fact]
    public async Task InvalidSequenceIsRejectedThroughAlbSingleValueWithTheFieldNamed()
    {
        // WHEN a POST with a base outside A/C/G/T arrives as a ALB (single-value headers) event
        var response = await sample.InvokeHttpAsync(SampleEvents.AlbSingleValue("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the app's 400 problem, naming dna_sequence, comes back
        SampleAssertions.IsInvalidSequenceProblem(response);
    }
}
