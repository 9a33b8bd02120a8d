using System.Net;
using System.Security.Claims;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>The HttpRequest as the app saw it, copied out while the request ran.</summary>
internal sealed record RequestSnapshot(
    string Method,
    string Scheme,
    string Host,
    string PathBase,
    string Path,
    string QueryString,
    Dictionary<string, string[]> Headers,
    Dictionary<string, string[]> Query,
    Dictionary<string, string> Cookies,
    string Body,
    long? ContentLength,
    IPAddress? RemoteIpAddress,
    ClaimsPrincipal User,
    string TraceIdentifier,
    string Protocol,
    LambdaEventSource? Source,
    string? RequestContextJson,
    string? InvokedFunctionArn)
{
    public string Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : "";
}
