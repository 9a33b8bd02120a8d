using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// A REST API proxy integration (<c>/{proxy+}</c>) on its execute-api domain, stage <c>prod</c>, binary media types
/// <c>*/*</c>: <c>path</c> without the stage and <c>requestContext.path</c> with it, both as the client encoded them;
/// query parameters decoded; <c>headers</c> with the last value of each name and <c>multiValueHeaders</c> with all;
/// every body base64-encoded. The answer's <c>headers</c> and <c>multiValueHeaders</c> are merged.
/// </summary>
internal sealed class RestApiFrontDoor : IFrontDoor
{
    private const string Stage = "prod";

    public FrontDoorKind Kind => FrontDoorKind.RestApi;

    public string Host => "abc123.execute-api.us-east-1.amazonaws.com";

    public string BuildEvent(ParityRequest request, MutualTls? clientCertificate)
    {
        var stagePrefix = "/" + Stage;
        var path = request.Path.StartsWith(stagePrefix, StringComparison.Ordinal) ? request.Path[stagePrefix.Length..] : request.Path;
        if (path.Length == 0) path = "/";
        var proxy = path.Length > 1 ? Uri.UnescapeDataString(path[1..]) : null;
        // REST APIs do not pass Content-Length to the function.
        var headers = FrontDoorParts.Headers(request, Host, lowerCase: false, keepContentLength: false);
        var query = FrontDoorParts.RawQueryPairs(request.Query).ToList();
        var (body, isBase64) = FrontDoorParts.Body(request, asBase64: true);

        var identity = new JsonObject
        {
            ["accessKey"] = null, ["accountId"] = null, ["caller"] = null, ["cognitoAuthenticationProvider"] = null,
            ["cognitoAuthenticationType"] = null, ["cognitoIdentityId"] = null, ["cognitoIdentityPoolId"] = null,
            ["principalOrgId"] = null, ["sourceIp"] = FrontDoorParts.SourceIp, ["user"] = null,
            ["userAgent"] = request.Header("User-Agent"), ["userArn"] = null,
        };
        if (clientCertificate is not null) identity["clientCert"] = clientCertificate.ClientCertJson();

        var lambdaEvent = new JsonObject
        {
            ["resource"] = proxy is null ? "/" : "/{proxy+}",
            ["path"] = path,
            ["httpMethod"] = request.Method,
            ["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)h.Values[^1]))),
            ["multiValueHeaders"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)new JsonArray(h.Values.Select(v => (JsonNode?)v).ToArray())))),
            ["queryStringParameters"] = FrontDoorParts.Grouped(query, Uri.UnescapeDataString, multiValue: false),
            ["multiValueQueryStringParameters"] = FrontDoorParts.Grouped(query, Uri.UnescapeDataString, multiValue: true),
            ["pathParameters"] = proxy is null ? null : new JsonObject { ["proxy"] = proxy },
            ["stageVariables"] = null,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "abc123",
                ["domainName"] = Host,
                ["domainPrefix"] = "abc123",
                ["extendedRequestId"] = "JWuZ4F3IoAMEhcQ=",
                ["httpMethod"] = request.Method,
                ["identity"] = identity,
                ["path"] = request.Path,
                ["protocol"] = "HTTP/1.1",
                ["requestId"] = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                ["requestTime"] = "21/Apr/2025:15:08:21 +0000",
                ["requestTimeEpoch"] = 1745248101067,
                ["resourceId"] = "roq9wj",
                ["resourcePath"] = proxy is null ? "/" : "/{proxy+}",
                ["stage"] = Stage,
            },
            ["body"] = body,
            ["isBase64Encoded"] = isBase64,
        };
        return lambdaEvent.ToJsonString();
    }

    public ClientResponse ReadResponse(JsonElement response)
    {
        var multi = FrontDoorParts.MultiValueHeaders(response).ToList();
        var single = FrontDoorParts.SingleValueHeaders(response).Where(h => !multi.Any(m => string.Equals(m.Key, h.Key, StringComparison.OrdinalIgnoreCase)));
        return new ClientResponse(response.GetProperty("statusCode").GetInt32(), [.. multi, .. single], FrontDoorParts.ResponseBody(response));
    }
}
