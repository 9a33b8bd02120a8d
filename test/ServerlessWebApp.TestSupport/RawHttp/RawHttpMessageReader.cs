using System.Text;

namespace Serverless.WebApp.TestSupport.RawHttp;

/// <summary>
/// Reads HTTP/1.1 messages — start line, headers, a <c>Content-Length</c> body — from a stream, keeping the bytes after
/// one message for the next (pipelining). For tests that speak HTTP on a bare socket to see exactly what crosses it.
/// </summary>
public sealed class RawHttpMessageReader(Stream stream)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>
    /// The next message, or null when the stream ends before any byte of one; a stream that ends inside a message
    /// throws <see cref="IOException"/>.
    /// </summary>
    public async Task<RawHttpMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (await FillAsync(cancellationToken) == 0)
            {
                return _start == _end ? null : throw new IOException("The stream ended inside a message head.");
            }
        }

        var lines = Encoding.ASCII.GetString(_buffer, _start, headEnd).Split("\r\n");
        _start += headEnd + 4;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value) : 0;
        while (_end - _start < length)
        {
            if (await FillAsync(cancellationToken) == 0) throw new IOException("The stream ended inside a message body.");
        }
        var body = Encoding.UTF8.GetString(_buffer, _start, length);
        _start += length;
        return new RawHttpMessage(lines[0].Split(' '), headers, body);
    }

    /// <summary>True when the stream ends with no unread bytes; false as soon as any byte is there to read.</summary>
    public async Task<bool> IsAtEndAsync(CancellationToken cancellationToken)
    {
        while (_start == _end)
        {
            if (await FillAsync(cancellationToken) == 0) return true;
        }
        return false;
    }

    /// <summary>Reads more bytes after <see cref="_end"/>, first moving unread bytes to the front or growing the buffer if it is full.</summary>
    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end) _start = _end = 0;
        if (_end == _buffer.Length)
        {
            var unread = _buffer.AsSpan(_start, _end - _start);
            var target = _start == 0 ? new byte[_buffer.Length * 2] : _buffer;
            unread.CopyTo(target);
            _buffer = target;
            _end = unread.Length;
            _start = 0;
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read;
    }
}
