using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Runtime.Scripted;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Runtime;

/// <summary>An app with AddServerlessWebApp, its real Runtime API client and loop, against invocations with bad headers.</summary>
public class MalformedRuntimeHeaderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MalformedDeadlineFailsOnlyItsOwnInvocationAsMalformedEvent()
    {
        // GIVEN a Runtime API that delivers two invocations with malformed deadlines, then a good one, then waits
        var nexts = 0;
        var never = new TaskCompletionSource();
        var good = TestEvents.HttpApi(rawPath: "/ok");
        await using var api = await ScriptedRuntimeApi.StartAsync(r => !r.IsNext ? ScriptedAnswer.Accepted : ++nexts switch
        {
            1 => ScriptedAnswer.NextEvent(good, "bad-suffix", deadline: "123abc"),
            2 => ScriptedAnswer.NextEvent(good, "bad-range", deadline: "253402300800000"),
            3 => ScriptedAnswer.NextEvent(good, "good", deadline: DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds().ToString()),
            _ => ScriptedAnswer.NextEvent(good) with { Gate = never.Task },
        });

        // WHEN an app runs its loop against it
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, new FakeLambdaEnvironment { ["AWS_LAMBDA_RUNTIME_API"] = api.Address });
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/ok", () => "served");
        await app.StartAsync();
        await api.Received(7).WaitAsync(Patience); // three /next and their posts, then the fourth /next
        await app.StopAsync();

        // THEN each bad invocation is posted to /error as MalformedEvent naming the header, and the good one is served
        var posts = api.Requests.Where(r => !r.IsNext).ToList();
        Assert.Equal(["/2018-06-01/runtime/invocation/bad-suffix/error", "/2018-06-01/runtime/invocation/bad-range/error",
            "/2018-06-01/runtime/invocation/good/response"], posts.Select(p => p.Target));
        foreach (var (post, value) in posts.Take(2).Zip(["123abc", "253402300800000"]))
        {
            Assert.Equal("MalformedEvent", post.Headers["Lambda-Runtime-Function-Error-Type"]);
            Assert.Contains($"Lambda-Runtime-Deadline-Ms: '{value}'", JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString());
        }
        var served = JsonDocument.Parse(posts[2].Body).RootElement;
        Assert.Equal(200, served.GetProperty("statusCode").GetInt32());
        Assert.Equal("served", served.GetProperty("body").GetString());
    }
}
