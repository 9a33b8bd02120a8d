namespace Serverless.WebApp.Hosting.Buffers;

/// <summary>
/// Collects the response body. Past <see cref="Limit"/> bytes it stops storing (so a runaway response cannot
/// exhaust memory) but keeps counting, and the bridge answers with a "response too large" error instead.
/// </summary>
internal sealed class ResponseBodyBuffer(PooledBufferWriter buffer, int limit)
{
    private long _length;

    public int Limit { get; } = limit;

    public long Length => _length;

    public bool Overflowed => _length > Limit;

    public ReadOnlySpan<byte> Written => Overflowed ? default : buffer.WrittenSpan;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (Overflowed || _length + bytes.Length > Limit)
        {
            Overflow(bytes.Length);
            return;
        }
        buffer.Write(bytes);
        _length += bytes.Length;
    }

    // After an overflow the buffer was emptied, so the same scratch space is handed out again.
    public Memory<byte> GetMemory(int sizeHint) => buffer.GetMemory(sizeHint);

    public void Advance(int count)
    {
        if (Overflowed || _length + count > Limit)
        {
            Overflow(count);
            return;
        }
        buffer.Advance(count);
        _length += count;
    }

    /// <summary>Drops the body (for an error response written by the bridge).</summary>
    public void Clear()
    {
        buffer.Reset();
        _length = 0;
    }

    private void Overflow(int count)
    {
        if (!Overflowed) buffer.Reset();
        _length = Math.Max(_length, Limit) + count;
    }
}
