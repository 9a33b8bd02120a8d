using System.Buffers;

namespace Serverless.WebApp.Hosting.Buffers;

/// <summary>
/// A growable byte buffer rented through <see cref="LargeArrays"/> and reused across invocations (Lambda runs one
/// invocation at a time, so each owner keeps one and calls <see cref="Reset"/> once it is done with the content).
/// A buffer that grew past <see cref="LargeArrays.MaxPooledLength"/> is dropped on reset, so one large response does
/// not pin memory for the life of the process.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{

    private readonly int _initialCapacity;
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity = 4096)
    {
        _initialCapacity = initialCapacity;
        _buffer = LargeArrays.Rent(initialCapacity);
    }

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Reset()
    {
        _written = 0;
        if (_buffer.Length > LargeArrays.MaxPooledLength)
        {
            _buffer = LargeArrays.Rent(_initialCapacity);
        }
    }

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_written));
        _written += bytes.Length;
    }

    public void Dispose()
    {
        LargeArrays.Return(_buffer);
        _buffer = [];
        _written = 0;
    }

    private void EnsureCapacity(int sizeHint)
    {
        if (sizeHint < 1) sizeHint = 256;
        if (_buffer.Length - _written >= sizeHint) return;
        var newSize = Math.Max(_buffer.Length * 2, _written + sizeHint);
        var bigger = LargeArrays.Rent(newSize);
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        LargeArrays.Return(_buffer);
        _buffer = bigger;
    }
}
