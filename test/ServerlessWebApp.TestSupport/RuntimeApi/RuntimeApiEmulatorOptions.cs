namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>Settings of the <see cref="LambdaRuntimeApiEmulator"/>.</summary>
public sealed class RuntimeApiEmulatorOptions
{
    /// <summary>Sent as <c>Lambda-Runtime-Invoked-Function-Arn</c>.</summary>
    public string FunctionArn { get; set; } = "arn:aws:lambda:us-east-1:123456789012:function:foundry-service:live";

    /// <summary>The function timeout: <c>Lambda-Runtime-Deadline-Ms</c> is the delivery time plus this. Default 30 s.</summary>
    public TimeSpan FunctionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body accepted, as Lambda's synchronous limit. Default 6 MB.</summary>
    public int MaxResponseBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>
    /// How long a connection polls for the runtime's next request before its thread blocks in a read: spinning keeps
    /// the CPU awake, so the answer to a warm invocation is picked up without an idle CPU's wake-up. Default 50 µs;
    /// <see cref="TimeSpan.Zero"/> blocks at once.
    /// </summary>
    public TimeSpan SpinBeforeWait { get; set; } = TimeSpan.FromMicroseconds(50);
}
