using Serverless.WebApp.Hosting.Buffers;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// Write-only stream over the buffered response body; the first write starts the response. Synchronous writes are
/// refused unless allowed, as on Kestrel.
/// </summary>
internal sealed class ResponseBodyStream(ResponseBodyBuffer body, LambdaResponseFeature response, LambdaBodyControlFeature bodyControl) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!bodyControl.AllowSynchronousIO)
        {
            throw new InvalidOperationException("Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");
        }
        if (!response.HasStarted) response.StartAsync().GetAwaiter().GetResult();
        response.VerifyWrite(body.Length, buffer.Length);
        body.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!response.HasStarted) await response.StartAsync().ConfigureAwait(false);
        response.VerifyWrite(body.Length, buffer.Length);
        body.Write(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        response.HasStarted ? Task.CompletedTask : response.StartAsync();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
