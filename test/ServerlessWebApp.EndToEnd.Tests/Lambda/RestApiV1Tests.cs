using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>API Gateway REST API (payload 1.0) events through the published sample process.</summary>
[Collection(LambdaSampleCollection.Name)]
public sealed class RestApiV1Tests(LambdaSampleFixture sample)
{
    [Fact]
    public async Task GreetingIsServedThroughRestApiV1()
    {
        // GIVEN the sample running against the emulator
        // WHEN a GET arrives as a API Gateway REST API (payload 1.0) event
        var response = await sample.InvokeHttpAsync(SampleEvents.RestApiV1("GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in the source's response shape
        SampleAssertions.IsGreeting(response);
        Assert.False(response.HasProperty("statusDescription"));
    }

    [Fact]
    public async Task InvalidSequenceIsRejectedThroughRestApiV1WithTheFieldNamed()
    {
        // WHEN a POST with a base outside A/C/G/T arrives as a API Gateway REST API (payload 1.0) event
        var response = await sample.InvokeHttpAsync(SampleEvents.RestApiV1("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the app's 400 problem, naming dna_sequence, comes back
        SampleAssertions.IsInvalidSequenceProblem(response);
    }
}
