namespace Serverless.WebApp.Hosting.Features;

/// <summary>Which AWS service (or caller) delivered the HTTP request to the function.</summary>
public enum LambdaEventSource
{
    /// <summary>API Gateway REST API (or an HTTP API using payload format 1.0).</summary>
    RestApi,

    /// <summary>API Gateway HTTP API, payload format 2.0.</summary>
    HttpApi,

    /// <summary>Lambda function URL (payload format 2.0).</summary>
    FunctionUrl,

    /// <summary>Application Load Balancer target group.</summary>
    ApplicationLoadBalancer,

    /// <summary>A direct <c>Invoke</c> with a request-shaped payload (<c>{"httpMethod": …, "path": …}</c>).</summary>
    DirectInvocation,
}
