using System.Text.Json.Nodes;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// The recorded events from <c>../shared/fixtures/lambda-events/</c>, re-aimed at the sample's routes: each keeps
/// everything its source really sends (request context, identity, headers) and only the method, path and body change.
/// </summary>
public static class SampleEvents
{
    /// <summary>The HTTP-shaped sources by name, for theories over every source.</summary>
    public static readonly string[] HttpSources = ["http-api", "rest-api", "function-url", "alb", "alb-multi-value", "direct"];

    /// <summary>The event of the named source (one of <see cref="HttpSources"/>).</summary>
    public static string For(string source, string method, string path, string? body = null) => source switch
    {
        "http-api" => HttpApiV2(method, path, body),
        "rest-api" => RestApiV1(method, path, body),
        "function-url" => FunctionUrl(method, path, body),
        "alb" => AlbSingleValue(method, path, body),
        "alb-multi-value" => AlbMultiValue(method, path, body),
        "direct" => Direct(method, path, body),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, $"one of: {string.Join(", ", HttpSources)}"),
    };

    public static string RestApiV1(string method, string path, string? body = null)
    {
        var e = Load("apigw-request.json");
        e["httpMethod"] = method;
        e["path"] = path;
        e["resource"] = "/{proxy+}";
        e["pathParameters"] = new JsonObject { ["proxy"] = path.TrimStart('/') };
        e["queryStringParameters"] = null;
        e["multiValueQueryStringParameters"] = null;
        var context = e["requestContext"]!.AsObject();
        context["httpMethod"] = method;
        context["path"] = "/" + context["stage"]!.GetValue<string>() + path;
        SetBody(e, body);
        return e.ToJsonString();
    }

    public static string HttpApiV2(string method, string path, string? body = null) =>
        PayloadV2("apigw-v2-request-no-authorizer.json", method, path, body);

    public static string FunctionUrl(string method, string path, string? body = null) =>
        PayloadV2("lambda-urls-request.json", method, path, body);

    public static string AlbSingleValue(string method, string path, string? body = null)
    {
        var e = Load("alb-lambda-target-request-headers-only.json");
        e["httpMethod"] = method;
        e["path"] = path;
        e["queryStringParameters"] = new JsonObject();
        var headers = e["headers"]!.AsObject();
        if (body is not null) headers["content-type"] = "application/json";
        e["body"] = body ?? "";
        return e.ToJsonString();
    }

    public static string AlbMultiValue(string method, string path, string? body = null)
    {
        var e = Load("alb-lambda-target-request-multivalue-headers.json");
        e["httpMethod"] = method;
        e["path"] = path;
        e["multiValueQueryStringParameters"] = new JsonObject();
        var headers = e["multiValueHeaders"]!.AsObject();
        if (body is not null) headers["content-type"] = new JsonArray("application/json");
        e["body"] = body ?? "";
        return e.ToJsonString();
    }

    /// <summary>A request-shaped direct invocation, as <c>aws lambda invoke</c> sends it.</summary>
    public static string Direct(string method, string path, string? body = null)
    {
        var e = new JsonObject { ["path"] = path, ["httpMethod"] = method };
        if (body is not null)
        {
            e["headers"] = new JsonObject { ["content-type"] = "application/json" };
            e["body"] = body;
        }
        return e.ToJsonString();
    }

    private static string PayloadV2(string fixture, string method, string path, string? body)
    {
        var e = Load(fixture);
        e["rawPath"] = path;
        e["rawQueryString"] = "";
        e.Remove("queryStringParameters");
        e.Remove("cookies");
        var http = e["requestContext"]!["http"]!.AsObject();
        http["method"] = method;
        http["path"] = path;
        var headers = e["headers"]!.AsObject();
        headers.Remove("content-length");
        SetBody(e, body);
        return e.ToJsonString();
    }

    private static void SetBody(JsonObject e, string? body)
    {
        e["body"] = body;
        e["isBase64Encoded"] = false;
        if (body is null) return;
        if (e["headers"] is JsonObject headers)
        {
            foreach (var name in headers.Select(h => h.Key).Where(k => k.Equals("content-type", StringComparison.OrdinalIgnoreCase)).ToList()) headers.Remove(name);
            headers["content-type"] = "application/json";
        }
        if (e["multiValueHeaders"] is JsonObject multi)
        {
            foreach (var name in multi.Select(h => h.Key).Where(k => k.Equals("content-type", StringComparison.OrdinalIgnoreCase)).ToList()) multi.Remove(name);
            multi["content-type"] = new JsonArray("application/json");
        }
    }

    private static JsonObject Load(string fixture) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.LambdaEvent(fixture)))!.AsObject();
}
