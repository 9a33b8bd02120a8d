using Microsoft.AspNetCore.Http;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>Terminal middleware that snapshots each request and answers 200 "ok".</summary>
internal sealed class RequestRecorder
{
    public List<RequestSnapshot> Requests { get; } = [];

    public RequestSnapshot Last => Requests[^1];

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var lambda = context.Features.Get<ILambdaRequestContextFeature>();
        Requests.Add(new RequestSnapshot(
            request.Method,
            request.Scheme,
            request.Host.Value ?? "",
            request.PathBase.Value ?? "",
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase),
            request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray()),
            request.Cookies.ToDictionary(c => c.Key, c => c.Value),
            body,
            request.ContentLength,
            context.Connection.RemoteIpAddress,
            context.User,
            context.TraceIdentifier,
            request.Protocol,
            lambda?.Source,
            lambda is { RequestContext.ValueKind: System.Text.Json.JsonValueKind.Object } ? lambda.RequestContext.GetRawText() : null,
            lambda?.Invocation.InvokedFunctionArn));
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("ok");
    }
}
