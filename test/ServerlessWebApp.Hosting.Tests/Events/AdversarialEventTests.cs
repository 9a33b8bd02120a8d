using System.Text;
using Microsoft.Extensions.FileProviders;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

/// <summary>
/// Events no front door should send but a crafted or broken one can: each gets Kestrel's answer for the equivalent
/// request, or the documented error type — never a crash, an injected header or a success that was not one.
/// </summary>
public class AdversarialEventTests
{
    [Theory]
    [InlineData("api.example.com\\r\\nX-Injected: 1")]
    [InlineData("evil.example/@x?y#z")]
    [InlineData("api.example.com\\u0000")]
    public async Task AHostNoClientCouldSendIsA400TheAppNeverSees(string host)
    {
        var (lambda, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = lambda;

        var result = await lambda.InvokeAsync(TestEvents.RestApi(multiValueHeaders: $$"""{"Host": ["{{host}}"]}"""));

        Assert.Equal("""{"statusCode":400,"multiValueHeaders":{},"body":"","isBase64Encoded":false}""", result.Payload);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task AHeaderValueWithCrLfIsA400TheAppNeverSees()
    {
        var (lambda, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = lambda;

        var result = await lambda.InvokeAsync(TestEvents.HttpApi(headers: """{"host": "api.example.com", "x-note": "a\r\nSet-Cookie: evil=1"}"""));

        Assert.Equal(400, result.Json.GetProperty("statusCode").GetInt32());
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task ARedirectToUserInputWithCrLfIsA500NotASplitHeader()
    {
        await using var lambda = await LambdaAppHost.StartAsync(app => app.MapGet("/go", (string to) => Results.Redirect(to)));

        var result = await lambda.InvokeAsync(TestEvents.HttpApi(rawPath: "/go", rawQueryString: "to=%2Fhome%0D%0ASet-Cookie:%20evil=1"));

        Assert.Equal("""{"statusCode":500,"headers":{},"body":"","isBase64Encoded":false}""", result.Payload);
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("http")]
    [InlineData("alb")]
    public async Task AnEncodedNulInThePathIsA400(string source)
    {
        var (lambda, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = lambda;
        var lambdaEvent = source switch
        {
            "rest" => TestEvents.RestApi(path: "/files/a%00b", requestContextPath: "/prod/files/a%00b", resource: "/files/{name}", pathParameters: """{"name": "a\u0000b"}"""),
            // An HTTP API sends the path decoded: the NUL itself.
            "http" => TestEvents.HttpApi(rawPath: "/files/a\\u0000b"),
            _ => TestEvents.Alb(multiValue: true, path: "/files/a%00b"),
        };

        var result = await lambda.InvokeAsync(lambdaEvent);

        Assert.Equal(400, result.Json.GetProperty("statusCode").GetInt32());
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("/x/../echo/a", "/echo/a")]
    [InlineData("/echo/./a", "/echo/a")]
    [InlineData("/echo/b/%2E%2E/a", "/echo/a")]
    [InlineData("/../../echo/a", "/echo/a")]
    public async Task DotSegmentsAreRemovedBeforeRoutingAsOnKestrel(string path, string routed)
    {
        await using var lambda = await LambdaAppHost.StartAsync(app => app.MapGet("/echo/{name}", (HttpContext context) => context.Request.Path.Value));

        var result = await lambda.InvokeAsync(TestEvents.Alb(multiValue: false, path: path));

        Assert.Equal(200, result.Json.GetProperty("statusCode").GetInt32());
        Assert.Equal(routed, result.Json.GetProperty("body").GetString());
    }

    [Fact]
    public async Task AStaticFileCutShortByThePassedDeadlineIsNeverAComplete200()
    {
        var folder = Directory.CreateTempSubdirectory("swa-static-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "page.html"), new string('x', 339));
            await using var lambda = await LambdaAppHost.StartAsync(app =>
            {
                // The deadline arrives while the request is in the app: wait for its signal, then serve the file too late.
                app.Use(async (context, next) =>
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    await next(context);
                });
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder.FullName) });
            });

            var result = await lambda.InvokeAsync(TestEvents.HttpApi(rawPath: "/page.html"), deadline: DateTimeOffset.UtcNow.AddSeconds(-1));

            // The app swallowed the cancellation and left a Content-Length of 339 with no body: Kestrel answers 500.
            Assert.Equal("""{"statusCode":500,"headers":{},"body":"","isBase64Encoded":false}""", result.Payload);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AResponseCutShortAfterItStartedFailsTheInvocation()
    {
        await using var lambda = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.ContentLength = 339;
            await context.Response.WriteAsync("the first part");
        }));

        var result = await lambda.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal("IncompleteResponse", result.Error?.ErrorType);
        Assert.Contains("too few bytes written (14 of 339)", result.Error!.ErrorMessage);
    }

    [Theory]
    [InlineData("header", """{"host": "api.example.com", "x-raw": "@@"}""", "null", "null")]
    [InlineData("cookie", """{"host": "api.example.com"}""", """["session=@@"]""", "null")]
    [InlineData("body", """{"host": "api.example.com"}""", "null", "\"@@\"")]
    public async Task RawInvalidUtf8IsAMalformedEvent(string where, string headers, string cookies, string body)
    {
        var (lambda, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = lambda;
        var text = TestEvents.HttpApi(method: "POST", headers: headers, cookies: cookies, body: body);
        var bytes = Encoding.UTF8.GetBytes(text);
        var marker = Encoding.UTF8.GetBytes("@@");
        var at = bytes.AsSpan().IndexOf(marker);
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;

        var result = await lambda.Runtime.InvokeAsync(bytes);

        Assert.True(result.Error?.ErrorType == "MalformedEvent", $"{where}: {result.Error?.ErrorType} {result.Error?.ErrorMessage} {result.Payload}");
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("""{"host": "api.example.com", "x-odd": "\ud800"}""", "null", "null", "/hello")]
    [InlineData("""{"host": "api.example.com"}""", """["a=\udc00"]""", "null", "/hello")]
    [InlineData("""{"host": "api.example.com"}""", "null", "\"\\ud800 lone\"", "/hello")]
    [InlineData("""{"host": "api.example.com"}""", "null", "null", "/h\\ud800llo")]
    public async Task ALoneSurrogateEscapeIsAMalformedEvent(string headers, string cookies, string body, string rawPath)
    {
        var (lambda, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = lambda;

        var result = await lambda.InvokeAsync(TestEvents.HttpApi(method: "POST", headers: headers.Replace("\ud800", "\\ud800"), cookies: cookies, body: body, rawPath: rawPath));

        Assert.Equal("MalformedEvent", result.Error?.ErrorType);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task NumbersWhereStringsBelongAreAMalformedEvent()
    {
        var (lambda, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = lambda;

        var query = await lambda.InvokeAsync(TestEvents.RestApi(multiValueQuery: """{"page": [1, 2]}"""));
        var cookies = await lambda.InvokeAsync(TestEvents.HttpApi(cookies: "[1, 2]"));

        Assert.Equal("MalformedEvent", query.Error?.ErrorType);
        Assert.Contains("RestApi", query.Error!.ErrorMessage);
        Assert.Equal("MalformedEvent", cookies.Error?.ErrorType);
        Assert.Empty(recorder.Requests);
    }
}
