namespace Serverless.WebApp.Constructs;

/// <summary>How requests reach the web function.</summary>
public enum FrontDoorKind
{
    /// <summary>API Gateway HTTP API (payload v2): cheapest and fastest; integration time-out 30 s.</summary>
    HttpApi,
    /// <summary>API Gateway REST API (payload v1): API keys, usage plans, execution logs; integration time-out 29 s.</summary>
    RestApi,
    /// <summary>A Lambda function URL on the <c>live</c> alias: no API Gateway, up to the function's time-out.</summary>
    FunctionUrl,
    /// <summary>No public entry point: a private service invoked directly (as <c>aws lambda invoke</c> does).</summary>
    None,
}
