using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>No single event can stop the invocation loop.</summary>
[Collection(LambdaSampleCollection.Name)]
public sealed class MalformedEventTests(LambdaSampleFixture sample)
{
    [Theory]
    [InlineData("this is not JSON")]
    [InlineData("""{"neither":"an http request","nor":"a control event"}""")]
    [InlineData("""[1, 2, 3]""")]
    public async Task MalformedEventIsReportedAsAnErrorAndTheNextEventStillSucceeds(string malformed)
    {
        // WHEN a malformed event arrives
        var failed = await sample.InvokeAsync(malformed);

        // THEN it is posted to /error with a type that says what was wrong
        Assert.True(failed.Outcome == InvocationOutcome.Error, $"Expected an error for {malformed}, got {failed}");
        Assert.False(string.IsNullOrEmpty(failed.ErrorType));
        Assert.False(string.IsNullOrEmpty(failed.Json().GetProperty("errorMessage").GetString()));

        // AND the next good event is served by the same process
        var response = await sample.InvokeHttpAsync(SampleEvents.HttpApiV2("GET", SampleAssertions.GreetingPath));
        SampleAssertions.IsGreeting(response);
        Assert.False(sample.Process.HasExited);
    }
}
