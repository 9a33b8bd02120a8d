using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>Direct request-shaped invocation events through the published sample process.</summary>
[Collection(LambdaSampleCollection.Name)]
public sealed class DirectInvocationTests(LambdaSampleFixture sample)
{
    [Fact]
    public async Task GreetingIsServedThroughDirectInvocation()
    {
        // GIVEN the sample running against the emulator
        // WHEN a GET arrives as a Direct request-shaped invocation event
        var response = await sample.InvokeHttpAsync(SampleEvents.Direct("GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in the source's response shape
        SampleAssertions.IsGreeting(response);
    }

    [Fact]
    public async Task InvalidSequenceIsRejectedThroughDirectInvocationWithTheFieldNamed()
    {
        // WHEN a POST with a base outside A/C/G/T arrives as a Direct request-shaped invocation event
        var response = await sample.InvokeHttpAsync(SampleEvents.Direct("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the app's 400 problem, naming dna_sequence, comes back
        SampleAssertions.IsInvalidSequenceProblem(response);
    }
}
