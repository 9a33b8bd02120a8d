using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Serverless.WebApp.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>
/// Just enough of S3's REST API on 127.0.0.1 for the payload offload path: path-style PutObject (plain or
/// <c>aws-chunked</c> bodies, as AWSSDK.S3 v4 sends with checksum trailers) and GetObject. Signatures are not checked.
/// </summary>
public sealed class FakeS3Bucket : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Stored objects by "bucket/key".</summary>
    public IReadOnlyDictionary<string, byte[]> Objects => _objects;

    public async Task InitializeAsync()
    {
        (_app, var address) = await LoopbackEndpoint.StartAsync(HandleAsync);
        ServiceUrl = address;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value!.TrimStart('/'));
        if (HttpMethods.IsPut(context.Request.Method))
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = IsAwsChunked(context.Request) ? DecodeAwsChunked(buffer.ToArray()) : buffer.ToArray();
            _objects[path] = body;
            context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"";
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) && _objects.TryGetValue(path, out var stored))
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = stored.Length;
            context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(MD5.HashData(stored))}\"";
            await context.Response.Body.WriteAsync(stored);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
    }

    private static bool IsAwsChunked(HttpRequest request) =>
        request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.Ordinal) ||
        request.Headers["x-amz-content-sha256"].ToString().StartsWith("STREAMING-", StringComparison.Ordinal);

    /// <summary>"hex-size[;chunk-signature=..]\r\n data \r\n" ... "0..\r\n" then trailers.</summary>
    private static byte[] DecodeAwsChunked(byte[] encoded)
    {
        using var decoded = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = IndexOfCrLf(encoded, position);
            var header = Encoding.ASCII.GetString(encoded, position, lineEnd - position);
            var size = int.Parse(header.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position = lineEnd + 2;
            if (size == 0) return decoded.ToArray();
            decoded.Write(encoded, position, size);
            position += size + 2;
        }
    }

    private static int IndexOfCrLf(byte[] data, int from)
    {
        for (var i = from; i < data.Length - 1; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n') return i;
        }
        throw new FormatException("Truncated aws-chunked body.");
    }
}
