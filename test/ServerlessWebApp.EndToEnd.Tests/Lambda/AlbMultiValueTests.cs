using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>ALB (multi-value headers) events through the published sample process.</summary>
[Collection(LambdaSampleCollection.Name)]
public sealed class AlbMultiValueTests(LambdaSampleFixture sample)
{
    [Fact]
    public async Task GreetingIsServedThroughAlbMultiValue()
    {
        // GIVEN the sample running against the emulator
        // WHEN a GET arrives as a ALB (multi-value headers) event
        var response = await sample.InvokeHttpAsync(SampleEvents.AlbMultiValue("GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in the source's response shape
        SampleAssertions.IsGreeting(response);
        Assert.Equal("200 OK", response.Json.GetProperty("statusDescription").GetString());
        Assert.True(response.HasProperty("multiValueHeaders"));
        Assert.False(response.HasProperty("headers"));
    }

    [Fact]
    public async Task InvalidSequenceIsRejectedThroughAlbMultiValueWithTheFieldNamed()
    {
        // WHEN a POST with a base outside A/C/G/T arrives as a ALB (multi-value headers) event
        var response = await sample.InvokeHttpAsync(SampleEvents.AlbMultiValue("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the app's 400 problem, naming dna_sequence, comes back
        SampleAssertions.IsInvalidSequenceProblem(response);
    }
}
