using System.Net;
using Serverless.WebApp.Hosting.Features;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

public class AlbEventTests
{
    [Fact]
    public async Task RecordedSingleValueAlbEventIsAnsweredInSingleValueMode()
    {
        // GIVEN an app behind the bridge
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        // WHEN the recorded single-value ALB event arrives
        var result = await host.InvokeFixtureAsync("alb-lambda-target-request-headers-only.json");

        // THEN the app sees the forwarded scheme, host and client, and the answer uses "headers" and statusDescription
        var request = recorder.Last;
        Assert.Equal(LambdaEventSource.ApplicationLoadBalancer, request.Source);
        Assert.Equal("GET", request.Method);
        Assert.Equal("http", request.Scheme);
        Assert.Equal("lambda-test-alb-1334523864.us-east-1.elb.amazonaws.com", request.Host);
        Assert.Equal("/", request.Path);
        Assert.Equal("?key=hello", request.QueryString);
        Assert.Equal("123", request.Header("x-myheader"));
        Assert.Equal(IPAddress.Parse("25.12.198.67"), request.RemoteIpAddress);
        Assert.Equal("""{"statusCode":200,"statusDescription":"200 OK","headers":{"Content-Type":"text/plain"},"body":"ok","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task RecordedMultiValueAlbEventIsAnsweredInMultiValueMode()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        var result = await host.InvokeFixtureAsync("alb-lambda-target-request-multivalue-headers.json");

        var request = recorder.Last;
        Assert.Equal("lambda-test-alb-1234567.us-east-1.elb.amazonaws.com", request.Host);
        Assert.Equal("?key=hello", request.QueryString);
        Assert.Equal(IPAddress.Parse("72.21.198.67"), request.RemoteIpAddress);
        Assert.Equal("""{"statusCode":200,"statusDescription":"200 OK","multiValueHeaders":{"Content-Type":["text/plain"]},"body":"ok","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task MultiValueHeadersAreMirroredForAlb()
    {
        RequestSnapshot? seen = null;
        var recorder = new RequestRecorder();
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.Headers.Append("Set-Cookie", "a=1");
            context.Response.Headers.Append("Set-Cookie", "b=2");
            await recorder.HandleAsync(context);
            seen = recorder.Last;
        }));

        var result = await host.InvokeAsync(TestEvents.Alb(multiValue: true));

        // The ALB passes query values through undecoded; the last X-Forwarded-For entry is the one the ALB added.
        Assert.Equal("?q=a%20b&q=c", seen!.QueryString);
        Assert.Equal(["a b", "c"], seen.Query["q"]);
        Assert.Equal(IPAddress.Parse("192.0.2.44"), seen.RemoteIpAddress);
        Assert.Equal("https", seen.Scheme);
        Assert.Equal("""{"statusCode":200,"statusDescription":"200 OK","multiValueHeaders":{"Set-Cookie":["a=1","b=2"],"Content-Type":["text/plain"]},"body":"ok","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task StatusDescriptionNamesTheStatus()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }));

        var result = await host.InvokeAsync(TestEvents.Alb(multiValue: false, path: "/missing"));

        Assert.Equal("""{"statusCode":404,"statusDescription":"404 Not Found","headers":{},"body":"","isBase64Encoded":false}""", result.Payload);
    }
}
