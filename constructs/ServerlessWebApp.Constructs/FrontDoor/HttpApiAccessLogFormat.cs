namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>The JSON access-log line of an HTTP API stage (REST stages use CDK's standard JSON fields).</summary>
internal static class HttpApiAccessLogFormat
{
    public const string Json =
        "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\"," +
        "\"httpMethod\":\"$context.httpMethod\",\"path\":\"$context.path\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\"," +
        "\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\",\"integrationLatency\":\"$context.integrationLatency\"," +
        "\"integrationError\":\"$context.integrationErrorMessage\",\"authorizerError\":\"$context.authorizer.error\"}";
}
