using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Features;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.TestSupport;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

public class DirectInvocationEventTests
{
    [Fact]
    public async Task RequestShapedPayloadRunsThroughTheApp()
    {
        // GIVEN an app behind the bridge
        var (host, recorder) = await LambdaAppHost.StartRecordingAsync();
        await using var _ = host;

        // WHEN it is invoked directly with a request-shaped payload
        var result = await host.InvokeAsync("""{"path": "/compute-dna/", "httpMethod": "POST", "body": "ACGT", "queryStringParameters": {"depth": "2"}}""");

        // THEN the app sees that request and the answer is a proxy-style response
        var request = recorder.Last;
        Assert.Equal(LambdaEventSource.DirectInvocation, request.Source);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/compute-dna/", request.Path);
        Assert.Equal("?depth=2", request.QueryString);
        Assert.Equal("ACGT", request.Body);
        Assert.Equal("localhost", request.Host);
        Assert.Null(request.RequestContextJson);
        Assert.Equal("""{"statusCode":200,"headers":{"Content-Type":"text/plain"},"multiValueHeaders":{"Content-Type":["text/plain"]},"body":"ok","isBase64Encoded":false}""", result.Payload);
    }

    [Fact]
    public async Task RecordedSqsBatchIsNotMistakenForAnHttpEvent()
    {
        // GIVEN the HTTP event handlers of a Lambda-hosted app
        var (host, _) = await LambdaAppHost.StartRecordingAsync();
        await using var __ = host;
        var httpHandlers = host.App.Services.GetServices<ILambdaEventHandler>().Where(h => h.Order >= 100).ToList();
        using var sqsBatch = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.LambdaEvent("sqs-event.json")));

        // WHEN they are offered the recorded SQS batch THEN none claims it (it belongs to the task worker)
        Assert.Equal(5, httpHandlers.Count);
        Assert.All(httpHandlers, handler => Assert.False(handler.CanHandle(sqsBatch.RootElement)));
    }
}
