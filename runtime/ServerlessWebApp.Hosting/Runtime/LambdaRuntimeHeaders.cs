namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>Header names of the Lambda Runtime API (2018-06-01).</summary>
internal static class LambdaRuntimeHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The last millisecond a <see cref="DateTimeOffset"/> can hold (9999-12-31T23:59:59.999Z).</summary>
    public static readonly long MaxDeadlineMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// Parses <c>Lambda-Runtime-Deadline-Ms</c> strictly: decimal digits only (no sign, space or suffix), a value a
    /// <see cref="DateTimeOffset"/> can hold.
    /// </summary>
    public static bool TryParseDeadline(string value, out long unixMs)
    {
        if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out unixMs)
            && unixMs <= MaxDeadlineMs)
        {
            return true;
        }
        unixMs = 0;
        return false;
    }
}
