namespace Serverless.WebApp.Hosting.Tests.Events;

/// <summary>Small hand-written events for the edge cases the recorded fixtures do not cover.</summary>
internal static class TestEvents
{
    public static string HttpApi(string rawPath = "/hello", string rawQueryString = "", string stage = "$default",
        string routeKey = "$default", string pathParameters = "null", string method = "GET", string body = "null",
        bool isBase64Encoded = false, string headers = """{"host": "api.example.com"}""", string cookies = "null",
        string domainName = "abc123.execute-api.us-east-1.amazonaws.com") => $$"""
        {
          "version": "2.0",
          "routeKey": "{{routeKey}}",
          "rawPath": "{{rawPath}}",
          "rawQueryString": "{{rawQueryString}}",
          "cookies": {{cookies}},
          "headers": {{headers}},
          "pathParameters": {{pathParameters}},
          "requestContext": {
            "accountId": "123456789012", "apiId": "abc123", "domainName": "{{domainName}}",
            "http": {"method": "{{method}}", "path": "{{rawPath}}", "protocol": "HTTP/1.1", "sourceIp": "203.0.113.9", "userAgent": "test"},
            "requestId": "r1", "routeKey": "{{routeKey}}", "stage": "{{stage}}", "time": "21/Apr/2020:15:08:21 +0000", "timeEpoch": 1587481701067
          },
          "body": {{body}},
          "isBase64Encoded": {{(isBase64Encoded ? "true" : "false")}}
        }
        """;

    public static string RestApi(string path = "/hello", string requestContextPath = "/prod/hello", string resource = "/hello",
        string pathParameters = "null", string method = "GET", string multiValueQuery = "null", string query = "null",
        string authorizer = "null", string body = "null", bool isBase64Encoded = false,
        string multiValueHeaders = """{"Host": ["api.example.com"], "X-Forwarded-Proto": ["https"]}""") => $$"""
        {
          "resource": "{{resource}}",
          "path": "{{path}}",
          "httpMethod": "{{method}}",
          "headers": null,
          "multiValueHeaders": {{multiValueHeaders}},
          "queryStringParameters": {{query}},
          "multiValueQueryStringParameters": {{multiValueQuery}},
          "pathParameters": {{pathParameters}},
          "stageVariables": null,
          "requestContext": {
            "accountId": "123456789012", "resourceId": "abc", "stage": "prod", "requestId": "r1",
            "identity": {"sourceIp": "198.51.100.7", "userArn": null},
            "authorizer": {{authorizer}},
            "path": "{{requestContextPath}}", "resourcePath": "{{resource}}", "httpMethod": "{{method}}",
            "domainName": "api.example.com", "apiId": "abc123", "protocol": "HTTP/1.1"
          },
          "body": {{body}},
          "isBase64Encoded": {{(isBase64Encoded ? "true" : "false")}}
        }
        """;

    public static string Alb(bool multiValue, string path = "/", string method = "GET") => multiValue
        ? $$"""
          {"requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1"} },
           "httpMethod": "{{method}}", "path": "{{path}}",
           "multiValueQueryStringParameters": {"q": ["a%20b", "c"]},
           "multiValueHeaders": {"host": ["alb.example.com"], "x-forwarded-for": ["10.0.0.1, 192.0.2.44"], "x-forwarded-proto": ["https"]},
           "body": "", "isBase64Encoded": false}
          """
        : $$"""
          {"requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1"} },
           "httpMethod": "{{method}}", "path": "{{path}}",
           "queryStringParameters": {"q": "a%20b"},
           "headers": {"host": "alb.example.com", "x-forwarded-for": "192.0.2.44", "x-forwarded-proto": "http"},
           "body": "", "isBase64Encoded": false}
          """;
}
