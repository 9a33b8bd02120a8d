using System.Runtime.CompilerServices;
using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Buffers;

/// <summary>
/// One large event must not raise the process's memory for good: the bridge's buffers that grew for it (request body,
/// response body, response JSON) are let go once the invocation is answered, instead of being cached in the shared
/// array pool, which keeps whatever it is given.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public class LargeEventMemoryTests
{
    private const int LargeBodyBytes = 2_600_000;   // 3.5 MB once base64-encoded in the event
    private const int LargeResponseBytes = 4_000_000; // 5.3 MB once base64-encoded in the answer

    [Fact]
    public async Task OneLargeEventThenManySmallOnesLeavesNoLargeBuffersBehind()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.Run(async context =>
        {
            var received = 0L;
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0) received += read;
            context.Response.ContentType = "application/octet-stream";
            var size = received > 1_000_000 ? LargeResponseBytes : 10_000;
            await context.Response.Body.WriteAsync(new byte[size]);
        }));
        // The same paths with small sizes first, so whatever they allocate once is there before the measurement.
        for (var i = 0; i < 3; i++) Assert.Equal(200, await InvokeAsync(host, 10_000));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(200, await InvokeAsync(host, LargeBodyBytes));
        for (var i = 0; i < 5; i++) Assert.Equal(200, await InvokeAsync(host, 10_000));
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.True(retained < 3_000_000, $"{retained:N0} bytes stayed on the managed heap after one large event and five small ones");
    }

    /// <summary>
    /// Sends a POST with a binary body of <paramref name="bodyBytes"/>; keeps nothing of the answer but its status. The
    /// event is concatenated and the answer not parsed, so the test itself puts nothing in the shared pools.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> InvokeAsync(LambdaAppHost host, int bodyBytes)
    {
        var template = TestEvents.HttpApi(method: "POST", body: "\"BODY\"", isBase64Encoded: true,
            headers: """{"host": "api.example.com", "content-type": "application/octet-stream"}""").Split("BODY");
        var result = await host.InvokeAsync(string.Concat(template[0], Convert.ToBase64String(new byte[bodyBytes]), template[1]));
        return result.Payload is { } payload && payload.StartsWith("{\"statusCode\":200,", StringComparison.Ordinal) ? 200 : 0;
    }
}
