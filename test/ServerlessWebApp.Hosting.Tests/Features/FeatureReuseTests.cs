using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Features;

public class FeatureReuseTests
{
    private sealed class MarkerFeature;

    [Fact]
    public async Task NothingOfOneRequestLeaksIntoTheNext()
    {
        // GIVEN an app whose first request sets a user, headers, a status, a feature and callbacks
        var completedCalls = 0;
        var seen = new List<(bool Authenticated, bool HasMarker, string? Header, int Status)>();
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            seen.Add((context.User.Identity?.IsAuthenticated ?? false, context.Features.Get<MarkerFeature>() is not null,
                context.Request.Headers["X-First"].FirstOrDefault(), context.Response.StatusCode));
            if (context.Request.Path == "/first")
            {
                context.Features.Set(new MarkerFeature());
                context.Response.StatusCode = 418;
                context.Response.Headers["X-From-First"] = "1";
                context.Response.OnCompleted(() =>
                {
                    completedCalls++;
                    return Task.CompletedTask;
                });
                await context.Response.WriteAsync("first body");
            }
        }));

        // WHEN a second, plain request follows
        await host.InvokeFixtureAsync("apigw-v2-request-jwt-authorizer.json");
        await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/first", headers: """{"X-First": "yes"}"""));
        var second = await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/second"));

        // THEN it starts from a clean slate
        Assert.Equal((true, false, null, 200), seen[0]);
        Assert.Equal((false, false, "yes", 200), seen[1]);
        Assert.Equal((false, false, null, 200), seen[2]);
        Assert.Equal("""{"statusCode":200,"headers":{},"body":"","isBase64Encoded":false}""", second.Payload);
        Assert.Equal(1, completedCalls);
    }
}
