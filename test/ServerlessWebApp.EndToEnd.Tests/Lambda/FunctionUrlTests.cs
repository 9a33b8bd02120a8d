using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>Lambda function URL events through the published sample process.</summary>
[Collection(LambdaSampleCollection.Name)]
public sealed class FunctionUrlTests(LambdaSampleFixture sample)
{
    [Fact]
    public async Task GreetingIsServedThroughFunctionUrl()
    {
        // GIVEN the sample running against the emulator
        // WHEN a GET arrives as a Lambda function URL event
        var response = await sample.InvokeHttpAsync(SampleEvents.FunctionUrl("GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in the source's response shape
        SampleAssertions.IsGreeting(response);
        Assert.False(response.HasProperty("multiValueHeaders"));
    }

    [Fact]
    public async Task InvalidSequenceIsRejectedThroughFunctionUrlWithTheFieldNamed()
    {
        // WHEN a POST with a base outside A/C/G/T arrives as a Lambda function URL event
        var response = await sample.InvokeHttpAsync(SampleEvents.FunctionUrl("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the app's 400 problem, naming dna_sequence, comes back
        SampleAssertions.IsInvalidSequenceProblem(response);
    }
}
