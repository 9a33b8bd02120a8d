using System.Net;
using Serverless.WebApp.Hosting.Features;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

public class FunctionUrlEventTests
{
    [Fact]
    public async Task RecordedFunctionUrlEventReachesTheAppWithItsCallerAndBody()
    {
        // GIVEN an app behind the bridge
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        // WHEN the recorded function URL event arrives
        var result = await host.InvokeFixtureAsync("lambda-urls-request.json");

        // THEN the app sees it as a function URL request, comma-joined headers kept as sent
        var request = recorder.Last;
        Assert.Equal(LambdaEventSource.FunctionUrl, request.Source);
        Assert.Equal("POST", request.Method);
        Assert.Equal("<url-id>.lambda-url.us-west-2.on.aws", request.Host);
        Assert.Equal("", request.PathBase);
        Assert.Equal("/my/path", request.Path);
        Assert.Equal("?parameter1=value1&parameter1=value2&parameter2=value", request.QueryString);
        Assert.Equal("value1,value2", request.Header("header2"));
        Assert.Equal("cookie1; cookie2", request.Header("Cookie"));
        Assert.Equal("Hello from client!", request.Body);
        Assert.Equal(IPAddress.Parse("123.123.123.123"), request.RemoteIpAddress);
        Assert.Equal("AWS_IAM", request.User.Identity!.AuthenticationType);
        Assert.Equal("arn:aws:iam::111122223333:user/example-user", request.User.Identity.Name);
        Assert.Equal("""{"statusCode":200,"headers":{"Content-Type":"text/plain"},"body":"ok","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task CookiesTravelBothWays()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.Cookies.Append("seen", context.Request.Cookies["session"] ?? "none");
            await context.Response.WriteAsync(context.Request.Cookies["theme"] ?? "none");
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi(cookies: """["session=abc", "theme=dark"]""",
            domainName: "xyz.lambda-url.eu-west-1.on.aws"));

        Assert.Equal("""{"statusCode":200,"headers":{},"cookies":["seen=abc; path=/"],"body":"dark","isBase64Encoded":false}""", result.Payload);
    }
}
