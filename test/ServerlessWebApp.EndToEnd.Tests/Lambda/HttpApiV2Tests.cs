using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>API Gateway HTTP API (payload 2.0) events through the published sample process.</summary>
[Collection(LambdaSampleCollection.Name)]
public sealed class HttpApiV2Tests(LambdaSampleFixture sample)
{
    [Fact]
    public async Task GreetingIsServedThroughHttpApiV2()
    {
        // GIVEN the sample running against the emulator
        // WHEN a GET arrives as a API Gateway HTTP API (payload 2.0) event
        var response = await sample.InvokeHttpAsync(SampleEvents.HttpApiV2("GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in the source's response shape
        SampleAssertions.IsGreeting(response);
        Assert.False(response.HasProperty("multiValueHeaders"));
    }

    [Fact]
    public async Task InvalidSequenceIsRejectedThroughHttpApiV2WithTheFieldNamed()
    {
        // WHEN a POST with a base outside A/C/G/T arrives as a API Gateway HTTP API (payload 2.0) event
        var response = await sample.InvokeHttpAsync(SampleEvents.HttpApiV2("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the app's 400 problem, naming dna_sequence, comes back
        SampleAssertions.IsInvalidSequenceProblem(response);
    }
}
