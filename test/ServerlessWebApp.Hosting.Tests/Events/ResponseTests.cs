using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

public class ResponseTests
{
    [Fact]
    public async Task BinaryContentTypeIsSentBase64Encoded()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF];
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(png);
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.True(result.Json.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(png, Convert.FromBase64String(result.Json.GetProperty("body").GetString()!));
    }

    [Fact]
    public async Task ContentEncodedTextIsSentBase64Encoded()
    {
        byte[] gzipped = [0x1F, 0x8B, 0x08, 0x00, 0x01];
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(gzipped);
        }));

        var result = await host.InvokeAsync(TestEvents.RestApi());

        Assert.True(result.Json.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(gzipped, result.Json.GetProperty("body").GetBytesFromBase64());
    }

    [Fact]
    public async Task BinaryMediaTypesAreConfigurable()
    {
        await using var host = await LambdaAppHost.StartAsync(
            app => app.Run(async context =>
            {
                context.Response.ContentType = context.Request.Path == "/custom" ? "application/x-custom; v=1" : "image/png";
                await context.Response.WriteAsync("abc");
            }),
            options =>
            {
                options.BinaryMediaTypes.Clear();
                options.BinaryMediaTypes.Add("application/x-custom");
            });

        var custom = await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/custom"));
        var png = await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/image"));

        Assert.Equal("YWJj", custom.Json.GetProperty("body").GetString());
        Assert.True(custom.Json.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("abc", png.Json.GetProperty("body").GetString());
        Assert.False(png.Json.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task TextWithHtmlAndUnicodeIsSentAsReadableText()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("<p>naïve & \"quoted\"</p>");
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Contains("""
            "body":"<p>naïve & \"quoted\"</p>","isBase64Encoded":false
            """, result.Payload);
    }

    [Fact]
    public async Task ResponseOverSixMegabytesBecomesAClearBadGatewayResponse()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.ContentType = "text/plain";
            var chunk = new string('x', 64 * 1024);
            for (var i = 0; i < 7 * 16; i++) await context.Response.WriteAsync(chunk); // 7 MB
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.False(result.IsError);
        Assert.Equal(502, result.Json.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", result.Json.GetProperty("headers").GetProperty("Content-Type").GetString());
        var problem = JsonDocument.Parse(result.Json.GetProperty("body").GetString()!).RootElement;
        Assert.Equal("Response too large.", problem.GetProperty("title").GetString());
        Assert.Contains("7340032 bytes", problem.GetProperty("detail").GetString());
        Assert.Contains("6291456", problem.GetProperty("detail").GetString());
        Assert.Equal("req-1", problem.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task BodyThatFitsButWhoseBase64EnvelopeDoesNotIsRejectedToo()
    {
        await using var host = await LambdaAppHost.StartAsync(
            app => app.Run(async context =>
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(new byte[900]); // 1200 bytes once base64-encoded
            }),
            options => options.MaxResponsePayloadBytes = 1000);

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal(502, result.Json.GetProperty("statusCode").GetInt32());
        Assert.Contains("Response too large.", result.Json.GetProperty("body").GetString());
    }

    [Fact]
    public async Task AppExceptionBeforeTheResponseStartsIsABare500LoggedOnceWithTheRequestId()
    {
        // GIVEN an app that sets a header, then throws before writing anything
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            context.Response.Headers["X-Set-Before-Failing"] = "1";
            throw new InvalidOperationException("the database is gone");
        }));

        // WHEN a request arrives
        var result = await host.InvokeAsync(TestEvents.HttpApi());

        // THEN the client gets what Kestrel sends: 500, no headers, no body (no problem details the app did not ask for)
        Assert.Equal("""{"statusCode":500,"headers":{},"body":"","isBase64Encoded":false}""", result.Payload);
        // ... and the exception is logged once, at Error, with the request id
        var logged = host.Logs.Logs.Where(l => l.Exception is InvalidOperationException).ToList();
        Assert.Single(logged);
        Assert.Equal(LogLevel.Error, logged[0].Level);
        Assert.Equal("req-1", logged[0].AwsRequestId);
    }

    [Fact]
    public async Task AppExceptionAfterTheResponseStartedFailsTheInvocationInsteadOfPostingHalfAResponse()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            await context.Response.WriteAsync("partial output");
            throw new InvalidOperationException("the database is gone");
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal("IncompleteResponse", result.Error?.ErrorType);
        Assert.DoesNotContain("partial output", result.Error!.ErrorMessage);
    }

    [Fact]
    public async Task NextRequestAfterAnAppExceptionIsServedNormally()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
            context.Request.Path == "/boom" ? throw new InvalidOperationException("boom") : context.Response.WriteAsync("fine")));

        var failed = await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/boom"));
        var fine = await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/ok"));

        Assert.Equal(500, failed.Json.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"statusCode":200,"headers":{},"body":"fine","isBase64Encoded":false}""", fine.Payload);
    }

    [Fact]
    public async Task StatusCodeCannotChangeOnceTheResponseHasStarted()
    {
        Exception? refused = null;
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            await context.Response.WriteAsync("started");
            try
            {
                context.Response.StatusCode = 418;
            }
            catch (InvalidOperationException ex)
            {
                refused = ex;
            }
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.NotNull(refused);
        Assert.Equal(200, result.Json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task OnStartingRunsBeforeTheResponseAndOnCompletedAfterIt()
    {
        var events = new List<string>();
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.OnStarting(() =>
            {
                events.Add("starting");
                context.Response.Headers["X-Added-On-Starting"] = "yes";
                return Task.CompletedTask;
            });
            context.Response.OnCompleted(() =>
            {
                events.Add("completed");
                return Task.CompletedTask;
            });
            events.Add("writing");
            await context.Response.WriteAsync("body");
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal(["writing", "starting", "completed"], events);
        Assert.Equal("yes", result.Json.GetProperty("headers").GetProperty("X-Added-On-Starting").GetString());
    }

    [Fact]
    public async Task OnStartingRunsEvenWhenNothingIsWritten()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = 202;
                return Task.CompletedTask;
            });
            return Task.CompletedTask;
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal(202, result.Json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task AnIncompleteResponseStillEndsTheRequestForTheHost()
    {
        // GIVEN an app that asks for the hosting layer's request lines, and aborts its response
        await using var host = await LambdaAppHost.StartAsync(
            app => app.Run(context =>
            {
                context.Abort();
                return Task.CompletedTask;
            }),
            configureServices: services => services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting", LogLevel.Information)));

        // WHEN the invocation fails as IncompleteResponse
        var result = await host.InvokeAsync(TestEvents.HttpApi());

        // THEN the host's context was still disposed: the request is logged as finished
        Assert.Equal("IncompleteResponse", result.Error?.ErrorType);
        Assert.Contains(host.Logs.Logs, l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && l.Message.StartsWith("Request finished", StringComparison.Ordinal) && l.AwsRequestId == "req-1");
    }

    [Fact]
    public async Task AnAbortedRequestIsNeverPostedAsAResponse()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = 200;
            context.Abort();
            return Task.CompletedTask;
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal("IncompleteResponse", result.Error?.ErrorType);
        Assert.Contains("aborted", result.Error!.ErrorMessage);
    }

    [Fact]
    public async Task HeadResponseHasHeadersButNoBody()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(context =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("not for HEAD");
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi(method: "HEAD"));

        Assert.Equal("""{"statusCode":200,"headers":{"Content-Type":"text/plain"},"body":"","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task PipeWriterAndStreamWritesEndUpInOneBody()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            await context.Response.BodyWriter.WriteAsync("pipe,"u8.ToArray());
            await context.Response.Body.WriteAsync("stream,"u8.ToArray());
            var span = context.Response.BodyWriter.GetSpan(5);
            "span!"u8.CopyTo(span);
            context.Response.BodyWriter.Advance(5);
            await context.Response.BodyWriter.FlushAsync();
        }));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal("pipe,stream,span!", result.Json.GetProperty("body").GetString());
    }

    [Fact]
    public async Task EndpointRoutingAndJsonResultsWorkThroughTheBridge()
    {
        await using var host = await LambdaAppHost.StartAsync(app =>
            app.MapGet("/items/{id:int}", (int id, HttpContext context) => Results.Json(new Item(id, context.Request.PathBase.Value!),
                ItemJsonContext.Default.Item)));

        var result = await host.InvokeAsync(TestEvents.RestApi(path: "/items/5", requestContextPath: "/prod/items/5",
            resource: "/items/{id}", pathParameters: """{"id": "5"}"""));

        Assert.Equal(200, result.Json.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"id":5,"pathBase":"/prod"}""", result.Json.GetProperty("body").GetString());
    }
}

public sealed record Item(int Id, string PathBase);

[System.Text.Json.Serialization.JsonSerializable(typeof(Item))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
public partial class ItemJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
