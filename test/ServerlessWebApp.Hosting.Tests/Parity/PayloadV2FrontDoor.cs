using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// Payload format 2.0 as an HTTP API and a function URL send it: header names lower-cased and repeated headers
/// comma-joined, cookies in <c>cookies</c>, <c>rawQueryString</c> as sent, text bodies as text and others base64.
/// They differ in the path: an HTTP API delivers it percent-decoded, a function URL as the client encoded it.
/// Answers: <c>headers</c> (one string each) plus <c>cookies</c> as Set-Cookie headers.
/// </summary>
internal abstract class PayloadV2FrontDoor : IFrontDoor
{
    public abstract FrontDoorKind Kind { get; }

    public abstract string Host { get; }

    protected abstract string Stage { get; }

    protected abstract string RawPath(ParityRequest request);

    public string BuildEvent(ParityRequest request, MutualTls? clientCertificate)
    {
        var headers = FrontDoorParts.Headers(request, Host, lowerCase: true);
        var cookies = headers.Where(h => h.Name == "cookie").SelectMany(h => h.Values).SelectMany(c => c.Split("; ")).ToList();
        headers.RemoveAll(h => h.Name == "cookie");
        var (body, isBase64) = FrontDoorParts.Body(request, asBase64: !request.BodyIsText);
        var query = FrontDoorParts.RawQueryPairs(request.Query)
            .Select(p => (Uri.UnescapeDataString(p.Name), Uri.UnescapeDataString(p.Value)))
            .GroupBy(p => p.Item1)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(p => p.Item2)));
        var rawPath = RawPath(request);

        var requestContext = new JsonObject
        {
            ["accountId"] = "123456789012",
            ["apiId"] = Host[..Host.IndexOf('.')],
            ["domainName"] = Host,
            ["domainPrefix"] = Host[..Host.IndexOf('.')],
            ["http"] = new JsonObject
            {
                ["method"] = request.Method,
                ["path"] = rawPath,
                ["protocol"] = "HTTP/1.1",
                ["sourceIp"] = FrontDoorParts.SourceIp,
                ["userAgent"] = request.Header("User-Agent") ?? "",
            },
            ["requestId"] = "JKJaXmPLvHcESHA=",
            ["routeKey"] = "$default",
            ["stage"] = Stage,
            ["time"] = "21/Apr/2025:15:08:21 +0000",
            ["timeEpoch"] = 1745248101067,
        };
        if (clientCertificate is not null) requestContext["authentication"] = new JsonObject { ["clientCert"] = clientCertificate.ClientCertJson() };

        var lambdaEvent = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = rawPath,
            ["rawQueryString"] = request.Query,
            ["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)string.Join(",", h.Values)))),
            ["requestContext"] = requestContext,
            ["isBase64Encoded"] = isBase64,
        };
        if (cookies.Count > 0) lambdaEvent["cookies"] = new JsonArray(cookies.Select(c => (JsonNode?)c).ToArray());
        if (query.Count > 0) lambdaEvent["queryStringParameters"] = new JsonObject(query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value)));
        if (body is not null) lambdaEvent["body"] = body;
        return lambdaEvent.ToJsonString();
    }

    public ClientResponse ReadResponse(JsonElement response)
    {
        var headers = FrontDoorParts.SingleValueHeaders(response).ToList();
        if (response.TryGetProperty("cookies", out var cookies))
        {
            headers.AddRange(cookies.EnumerateArray().Select(c => KeyValuePair.Create("Set-Cookie", c.GetString()!)));
        }
        return new ClientResponse(response.GetProperty("statusCode").GetInt32(), headers, FrontDoorParts.ResponseBody(response));
    }
}
