using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// The request body the event carried, read like Kestrel's request stream: forward only, asynchronous unless
/// synchronous I/O is allowed, and refused with 413 when it exceeds the request's maximum body size.
/// </summary>
internal sealed class RequestBodyStream(IHttpBodyControlFeature bodyControl) : Stream
{
    private byte[] _buffer = [];
    private int _length;
    private int _position;

    /// <summary>The body may not be larger than this (null: no limit); checked when reading starts.</summary>
    public long? MaxSize { get; set; }

    /// <summary>True once the app has read from the body; the size limit can no longer change.</summary>
    public bool HasStarted { get; private set; }

    public int BodyLength => _length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void Reset(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        _position = 0;
        HasStarted = false;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!bodyControl.AllowSynchronousIO)
        {
            throw new InvalidOperationException("Synchronous operations are disallowed. Call ReadAsync or set AllowSynchronousIO to true instead.");
        }
        return ReadCore(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(ReadCore(buffer.Span));
    }

    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        Start();
        var remaining = _buffer.AsMemory(_position, _length - _position);
        _position = _length;
        await destination.WriteAsync(remaining, cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ReadCore(Span<byte> destination)
    {
        Start();
        var count = Math.Min(destination.Length, _length - _position);
        _buffer.AsSpan(_position, count).CopyTo(destination);
        _position += count;
        return count;
    }

    private void Start()
    {
        if (HasStarted) return;
        HasStarted = true;
        if (_length > MaxSize)
        {
            throw new BadHttpRequestException($"Request body too large. The max request body size is {MaxSize} bytes.",
                StatusCodes.Status413PayloadTooLarge);
        }
    }
}
