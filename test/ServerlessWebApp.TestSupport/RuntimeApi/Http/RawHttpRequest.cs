namespace Serverless.WebApp.TestSupport.RuntimeApi.Http;

/// <summary>
/// One parsed HTTP/1.1 request, reused for every request of a connection. The head is copied out of the receive
/// buffer so its method, path and headers stay readable while the body is read behind it.
/// </summary>
internal sealed class RawHttpRequest
{
    private const int MaxHeaders = 64;
    private readonly Range[] _names = new Range[MaxHeaders];
    private readonly Range[] _values = new Range[MaxHeaders];
    private byte[] _head = new byte[1024];
    private Range _method;
    private Range _path;

    public ReadOnlySpan<byte> Method => _head.AsSpan()[_method];

    /// <summary>The request target's path, without its query string.</summary>
    public ReadOnlySpan<byte> Path => _head.AsSpan()[_path];

    public int HeaderCount { get; private set; }

    /// <summary>The Content-Length header, or -1 when the request has none.</summary>
    public long ContentLength { get; internal set; } = -1;

    public bool IsChunked { get; internal set; }
    public bool KeepAlive { get; internal set; }
    public bool ExpectsContinue { get; internal set; }
    public ReadOnlyMemory<byte> Body { get; internal set; }

    /// <summary>The first value of header <paramref name="name"/> (case-insensitive), or false.</summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < HeaderCount; i++)
        {
            if (!System.Text.Ascii.EqualsIgnoreCase(_head.AsSpan()[_names[i]], name)) continue;
            value = _head.AsSpan()[_values[i]];
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Copies a new head in and forgets everything about the previous request.</summary>
    internal ReadOnlySpan<byte> Load(ReadOnlySpan<byte> head)
    {
        if (_head.Length < head.Length) _head = new byte[Math.Max(head.Length, _head.Length * 2)];
        head.CopyTo(_head);
        HeaderCount = 0;
        ContentLength = -1;
        IsChunked = false;
        KeepAlive = true;
        ExpectsContinue = false;
        Body = ReadOnlyMemory<byte>.Empty;
        _method = default;
        _path = default;
        return _head.AsSpan(0, head.Length);
    }

    internal void SetRequestLine(Range method, Range path)
    {
        _method = method;
        _path = path;
    }

    internal bool TryAddHeader(Range name, Range value)
    {
        if (HeaderCount == MaxHeaders) return false;
        _names[HeaderCount] = name;
        _values[HeaderCount] = value;
        HeaderCount++;
        return true;
    }
}
