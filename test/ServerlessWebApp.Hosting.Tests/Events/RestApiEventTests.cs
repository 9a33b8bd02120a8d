using System.Net;
using Serverless.WebApp.Hosting.Features;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

public class RestApiEventTests
{
    [Theory]
    [InlineData("apigw-request.json")]
    [InlineData("apigw-restapi-openapi-request.json")]
    public async Task RecordedRestApiEventsReachTheAppAsTheClientSentThem(string fixture)
    {
        // GIVEN an app behind the bridge
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        // WHEN a recorded REST API (payload 1.0) event arrives
        var result = await host.InvokeFixtureAsync(fixture);

        // THEN the app sees the proxied path, multi-value headers and query, body, client address
        var request = recorder.Last;
        Assert.Equal(LambdaEventSource.RestApi, request.Source);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https", request.Scheme);
        Assert.Equal("gy415nuibc.execute-api.us-east-1.amazonaws.com", request.Host);
        Assert.Equal("", request.PathBase);
        Assert.Equal("/hello/world", request.Path);
        Assert.Equal("?name=me", request.QueryString);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("headerValue", request.Header("headerName"));
        Assert.Equal("54.240.196.186, 54.182.214.83", request.Header("X-Forwarded-For"));
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", request.Body);
        Assert.Equal(IPAddress.Parse("192.168.196.186"), request.RemoteIpAddress);
        // ... the Lambda authorizer's context is the primary identity, the IAM caller a second one
        Assert.Equal("Lambda", request.User.Identity!.AuthenticationType);
        Assert.Equal("admin", request.User.Identity.Name);
        Assert.Equal("Exata", request.User.FindFirst("clientName")?.Value);
        Assert.Equal("1", request.User.FindFirst("clientId")?.Value);
        Assert.Contains(request.User.Identities, i => i.AuthenticationType == "AWS_IAM" && i.Name == "theUserArn");
        // ... and the response has the REST proxy shape
        Assert.Equal("""{"statusCode":200,"multiValueHeaders":{"Content-Type":["text/plain"]},"body":"ok","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task HttpApiWithPayloadFormatOneIsReadLikeARestApi()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        var result = await host.InvokeAsync("""
            {"version": "1.0", "resource": "/my/path", "path": "/my/path", "httpMethod": "POST",
             "headers": {"Header1": "value1", "Content-Type": "text/plain"},
             "multiValueHeaders": {"Header1": ["value1"], "Content-Type": ["text/plain"]},
             "queryStringParameters": {"p": "1"}, "multiValueQueryStringParameters": {"p": ["1"]},
             "requestContext": {"accountId": "123456789012", "apiId": "id", "domainName": "id.execute-api.us-east-1.amazonaws.com",
               "httpMethod": "POST", "identity": {"sourceIp": "192.0.2.1", "userAgent": "agent"}, "path": "/my/path",
               "protocol": "HTTP/1.1", "requestId": "id=", "resourcePath": "/my/path", "stage": "$default"},
             "pathParameters": null, "stageVariables": null, "body": "Hello", "isBase64Encoded": false}
            """);

        var request = recorder.Last;
        Assert.Equal(LambdaEventSource.RestApi, request.Source);
        Assert.Equal("POST", request.Method);
        Assert.Equal("", request.PathBase);
        Assert.Equal("/my/path", request.Path);
        Assert.Equal("?p=1", request.QueryString);
        Assert.Equal("id.execute-api.us-east-1.amazonaws.com", request.Host);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), request.RemoteIpAddress);
        Assert.Equal("Hello", request.Body);
        Assert.Equal("""{"statusCode":200,"multiValueHeaders":{"Content-Type":["text/plain"]},"body":"ok","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task StageBecomesPathBase()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.RestApi(path: "/items/42", requestContextPath: "/prod/items/42",
            resource: "/items/{id}", pathParameters: """{"id": "42"}"""));

        Assert.Equal("/prod", recorder.Last.PathBase);
        Assert.Equal("/items/42", recorder.Last.Path);
    }

    [Fact]
    public async Task RootOfAStageHasTheStageAsPathBase()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.RestApi(path: "/", requestContextPath: "/prod/", resource: "/"));

        Assert.Equal("/prod", recorder.Last.PathBase);
        Assert.Equal("/", recorder.Last.Path);
    }

    [Fact]
    public async Task MethodIsReadInCanonicalForm()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.RestApi(method: "DELETE"));
        await host.InvokeAsync(TestEvents.RestApi(method: "propfind"));

        Assert.Same(HttpMethods.Delete, recorder.Requests[0].Method);
        Assert.Equal("PROPFIND", recorder.Requests[1].Method);
    }

    [Fact]
    public async Task CustomDomainBasePathBecomesPathBaseAndProxyPathTheRoute()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.RestApi(path: "/v1/orders/7/lines", requestContextPath: "/v1/orders/7/lines",
            resource: "/orders/{proxy+}", pathParameters: """{"proxy": "7/lines"}"""));

        Assert.Equal("/v1", recorder.Last.PathBase);
        Assert.Equal("/orders/7/lines", recorder.Last.Path);
    }

    [Fact]
    public async Task MultiValueQueryStringIsReEncoded()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.RestApi(multiValueQuery: """{"tag": ["a", "b c&d"], "q": ["é"]}""",
            query: """{"tag": "b c&d", "q": "é"}"""));

        Assert.Equal("?tag=a&tag=b%20c%26d&q=%C3%A9", recorder.Last.QueryString);
        Assert.Equal(["a", "b c&d"], recorder.Last.Query["tag"]);
        Assert.Equal(["é"], recorder.Last.Query["q"]);
    }

    [Fact]
    public async Task MultiValueRequestHeadersKeepEveryValue()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.RestApi(multiValueHeaders: """{"Host": ["api.example.com"], "Accept": ["text/html", "application/json"]}"""));

        Assert.Equal(["text/html", "application/json"], recorder.Last.Headers["Accept"]);
    }

    [Fact]
    public async Task CognitoUserPoolClaimsBecomeTheUser()
    {
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        await host.InvokeAsync(TestEvents.RestApi(authorizer:
            """{"claims": {"sub": "7d8f-11", "email": "ada@example.com", "cognito:username": "ada"}}"""));

        var user = recorder.Last.User;
        Assert.Equal("Cognito", user.Identity!.AuthenticationType);
        Assert.Equal("7d8f-11", user.Identity.Name);
        Assert.Equal("ada@example.com", user.FindFirst("email")?.Value);
    }

    [Fact]
    public async Task MultipleSetCookieHeadersAreMultiValueHeaders()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            context.Response.Headers.Append("Set-Cookie", "a=1");
            context.Response.Headers.Append("Set-Cookie", "b=2");
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));

        var result = await host.InvokeAsync(TestEvents.RestApi());

        Assert.Equal("""{"statusCode":204,"multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},"body":"","isBase64Encoded":false}""", result.Payload);
    }
}
