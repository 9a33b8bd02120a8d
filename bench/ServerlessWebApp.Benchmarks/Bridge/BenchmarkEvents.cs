namespace Serverless.WebApp.Benchmarks.Bridge;

/// <summary>A small GET as each source delivers it, with the headers a curl client plus the front door send.</summary>
internal static class BenchmarkEvents
{
    public static readonly (string Name, string Value)[] Headers =
    [
        ("accept", "*/*"),
        ("user-agent", "curl/8.5.0"),
        ("x-forwarded-for", "203.0.113.9"),
        ("x-forwarded-port", "443"),
        ("x-forwarded-proto", "https"),
    ];

    public const string HttpApiGet = """
        {"version":"2.0","routeKey":"$default","rawPath":"/hello","rawQueryString":"",
         "headers":{"accept":"*/*","host":"abc123.execute-api.us-east-1.amazonaws.com","user-agent":"curl/8.5.0",
           "x-forwarded-for":"203.0.113.9","x-forwarded-port":"443","x-forwarded-proto":"https"},
         "requestContext":{"accountId":"123456789012","apiId":"abc123","domainName":"abc123.execute-api.us-east-1.amazonaws.com",
           "domainPrefix":"abc123","http":{"method":"GET","path":"/hello","protocol":"HTTP/1.1","sourceIp":"203.0.113.9",
           "userAgent":"curl/8.5.0"},"requestId":"JKJaXmPLvHcESHA=","routeKey":"$default","stage":"$default",
           "time":"23/Nov/2026:11:00:00 +0000","timeEpoch":1795431600000},
         "isBase64Encoded":false}
        """;

    public const string RestApiGet = """
        {"resource":"/{proxy+}","path":"/hello","httpMethod":"GET",
         "headers":{"accept":"*/*","Host":"abc123.execute-api.us-east-1.amazonaws.com","User-Agent":"curl/8.5.0",
           "X-Forwarded-For":"203.0.113.9","X-Forwarded-Port":"443","X-Forwarded-Proto":"https"},
         "multiValueHeaders":{"accept":["*/*"],"Host":["abc123.execute-api.us-east-1.amazonaws.com"],"User-Agent":["curl/8.5.0"],
           "X-Forwarded-For":["203.0.113.9"],"X-Forwarded-Port":["443"],"X-Forwarded-Proto":["https"]},
         "queryStringParameters":null,"multiValueQueryStringParameters":null,"pathParameters":{"proxy":"hello"},
         "stageVariables":null,
         "requestContext":{"resourceId":"abc","resourcePath":"/{proxy+}","httpMethod":"GET","path":"/prod/hello",
           "accountId":"123456789012","protocol":"HTTP/1.1","stage":"prod","domainPrefix":"abc123","requestTimeEpoch":1795431600000,
           "requestId":"c6af9ac6-7b61-11e6-9a41-93e8deadbeef","identity":{"sourceIp":"203.0.113.9","userAgent":"curl/8.5.0"},
           "domainName":"abc123.execute-api.us-east-1.amazonaws.com","apiId":"abc123"},
         "body":null,"isBase64Encoded":false}
        """;
}
