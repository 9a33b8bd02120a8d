using System.Net;
using Serverless.WebApp.Hosting.Features;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

public class HttpApiEventTests
{
    private const string OkResponse = """{"statusCode":200,"headers":{"Content-Type":"text/plain"},"body":"ok","isBase64Encoded":false}""";

    [Theory]
    [InlineData("apigw-v2-request-iam.json")]
    [InlineData("apigw-v2-request-jwt-authorizer.json")]
    [InlineData("apigw-v2-request-lambda-authorizer.json")]
    public async Task RecordedHttpApiEventsReachTheAppAsTheClientSentThem(string fixture)
    {
        // GIVEN an app behind the bridge
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        // WHEN a recorded HTTP API (payload 2.0) event arrives
        var result = await host.InvokeFixtureAsync(fixture);

        // THEN the app sees the request line, query, headers, cookies and body of the event
        var request = recorder.Last;
        Assert.Equal("GET", request.Method);
        Assert.Equal("https", request.Scheme);
        Assert.Equal("id.execute-api.us-east-1.amazonaws.com", request.Host);
        Assert.Equal("", request.PathBase);
        Assert.Equal("/my/path", request.Path);
        Assert.Equal("?parameter1=value1&parameter1=value2&parameter2=value", request.QueryString);
        Assert.Equal(["value1", "value2"], request.Query["parameter1"]);
        Assert.Equal("value1", request.Header("Header1"));
        Assert.Equal("value2", request.Header("Header2"));
        Assert.Equal("cookie1; cookie2", request.Header("Cookie"));
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", request.Body);
        Assert.Equal(13, request.ContentLength);
        Assert.Equal("HTTP/1.1", request.Protocol);
        Assert.Equal(LambdaEventSource.HttpApi, request.Source);
        Assert.Contains("\"apiId\": \"api-id\"", request.RequestContextJson);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:app:live", request.InvokedFunctionArn);
        Assert.True(request.User.Identity!.IsAuthenticated);
        // ... and the response has the payload 2.0 shape
        Assert.Equal(OkResponse, result.Payload);
    }

    [Fact]
    public async Task JwtClaimsAndScopesBecomeTheUser()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeFixtureAsync("apigw-v2-request-jwt-authorizer.json");

        var user = recorder.Last.User;
        Assert.Equal("JWT", user.Identity!.AuthenticationType);
        Assert.Equal("value1", user.FindFirst("claim1")?.Value);
        Assert.Equal("value2", user.FindFirst("claim2")?.Value);
        Assert.Equal(["scope1", "scope2"], user.FindAll("scope").Select(c => c.Value));
    }

    [Fact]
    public async Task IamCallerBecomesTheUserNamedByItsArn()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeFixtureAsync("apigw-v2-request-iam.json");

        var user = recorder.Last.User;
        Assert.Equal("AWS_IAM", user.Identity!.AuthenticationType);
        Assert.Equal("arn:aws:iam::1234567890:user/Admin", user.Identity.Name);
        Assert.Equal("AROA7ZJZYVRE7C3DUXHH6:CognitoIdentityCredentials", user.FindFirst("callerId")?.Value);
        Assert.Equal("us-east-1:3f291106-8703-466b-8f2b-3ecee1ca56ce", user.FindFirst("identityId")?.Value);
        Assert.Equal("foo", user.FindFirst("amr")?.Value);
    }

    [Fact]
    public async Task LambdaAuthorizerContextBecomesClaims()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeFixtureAsync("apigw-v2-request-lambda-authorizer.json");

        var user = recorder.Last.User;
        Assert.Equal("Lambda", user.Identity!.AuthenticationType);
        Assert.Equal("value", user.FindFirst("key")?.Value);
    }

    [Fact]
    public async Task UnauthenticatedRequestKeepsForwardedSchemeHostAndSourceIp()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        var result = await host.InvokeFixtureAsync("apigw-v2-request-no-authorizer.json");

        var request = recorder.Last;
        Assert.Equal("/", request.Path);
        Assert.Equal("", request.QueryString);
        Assert.Equal("https", request.Scheme);
        Assert.Equal("aaaaaaaaaa.execute-api.us-west-2.amazonaws.com", request.Host);
        Assert.Equal(IPAddress.Parse("1.2.3.4"), request.RemoteIpAddress);
        Assert.Equal("", request.Body);
        Assert.Equal("LV7fzho-PHcEJPw=", System.Text.Json.JsonDocument.Parse(request.RequestContextJson!).RootElement.GetProperty("requestId").GetString());
        Assert.False(request.User.Identity?.IsAuthenticated ?? false);
        Assert.Equal(OkResponse, result.Payload);
    }

    [Fact]
    public async Task NamedStageBecomesPathBase()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/dev/hello/world", stage: "dev"));

        Assert.Equal("/dev", recorder.Last.PathBase);
        Assert.Equal("/hello/world", recorder.Last.Path);
    }

    [Fact]
    public async Task ApiMappingPrefixBeforeTheRouteBecomesPathBase()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/orders-api/items/42", routeKey: "GET /items/{id}",
            pathParameters: """{"id": "42"}"""));

        Assert.Equal("/orders-api", recorder.Last.PathBase);
        Assert.Equal("/items/42", recorder.Last.Path);
    }

    [Fact]
    public async Task SetCookieGoesToCookiesAndOtherHeadersAreCommaJoined()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.Headers.Append("Set-Cookie", "a=1; Path=/");
            context.Response.Headers.Append("Set-Cookie", "b=2; Expires=Thu, 01 Jan 2037 00:00:00 GMT");
            context.Response.Headers.Append("X-Multi", "x");
            context.Response.Headers.Append("X-Multi", "y");
            context.Response.StatusCode = 201;
            await context.Response.WriteAsync("made");
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal(
            """{"statusCode":201,"headers":{"X-Multi":"x,y"},"cookies":["a=1; Path=/","b=2; Expires=Thu, 01 Jan 2037 00:00:00 GMT"],"body":"made","isBase64Encoded":false}""",
            result.Payload);
    }

    [Fact]
    public async Task Base64RequestBodyIsDecoded()
    {
        byte[]? received = null;
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            using var copy = new MemoryStream();
            await context.Request.Body.CopyToAsync(copy);
            received = copy.ToArray();
        }));

        await host.InvokeAsync(TestEvents.HttpApi(method: "POST", body: "\"AAEC/w==\"", isBase64Encoded: true));

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, received);
    }

    [Fact]
    public async Task InvalidBase64BodyIsAMalformedEvent()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        var result = await host.InvokeAsync(TestEvents.HttpApi(method: "POST", body: "\"not base64!\"", isBase64Encoded: true));

        Assert.Equal("MalformedEvent", result.Error?.ErrorType);
        Assert.Contains("isBase64Encoded", result.Error!.ErrorMessage);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task EscapedJsonBodyIsUnescaped()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.HttpApi(method: "POST", body: "\"caf\\u00e9 \\\"quoted\\\"\""));

        Assert.Equal("café \"quoted\"", recorder.Last.Body);
        Assert.Equal(14, recorder.Last.ContentLength);
    }
}
