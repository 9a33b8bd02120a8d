using System.Net.Sockets;
using System.Text;

namespace Serverless.WebApp.TestSupport.RuntimeApi.Http;

/// <summary>
/// Formats one response at a time into a buffer reused for the whole connection and sends it with one write
/// (two for a body larger than the buffer). The status line and fixed headers come pre-formatted from the caller;
/// Content-Length and, when the connection ends, Connection: close are added here. While the client's next request is
/// already waiting in the receive buffer (pipelining), a finished response stays buffered and goes out with the next
/// one: one write for both. Whoever is about to wait (for bytes, or a handler for an event) calls
/// <see cref="Flush"/> first.
/// </summary>
internal sealed class HttpResponseWriter(Socket socket)
{
    private const int MaxBufferedBody = 64 * 1024;
    private byte[] _buffer = new byte[8 * 1024];
    private int _length;
    private int _responseStart;

    /// <summary>True once the response is on the wire.</summary>
    public bool HasSent { get; private set; }

    /// <summary>The connection ends after this response (the client asked, or the handler called <see cref="CloseAfter"/>).</summary>
    public bool ClosesConnection { get; private set; }

    /// <summary>The handler sends nothing and the connection is dropped (a long-poll given up on).</summary>
    public bool IsAborted { get; private set; }

    /// <summary>Starts a response with a pre-formatted status line and fixed headers, each ending in CRLF.</summary>
    public void Start(ReadOnlySpan<byte> statusLineAndHeaders)
    {
        _length = _responseStart;
        Append(statusLineAndHeaders);
    }

    /// <summary>Adds a header; <paramref name="prefix"/> is the pre-formatted <c>Name: </c>.</summary>
    public void Header(ReadOnlySpan<byte> prefix, string asciiValue)
    {
        Append(prefix);
        Reserve(asciiValue.Length);
        _length += Encoding.ASCII.GetBytes(asciiValue, _buffer.AsSpan(_length));
        Append("\r\n"u8);
    }

    public void Header(ReadOnlySpan<byte> prefix, long value)
    {
        Append(prefix);
        AppendNumber(value);
        Append("\r\n"u8);
    }

    /// <summary>Appends pre-formatted bytes to the head (a whole header line, or a header name before an in-place value).</summary>
    public void Write(ReadOnlySpan<byte> bytes) => Append(bytes);

    /// <summary>Space for a header value written in place; call <see cref="Advance"/> with what was written.</summary>
    public Span<byte> GetSpan(int size)
    {
        Reserve(size);
        return _buffer.AsSpan(_length, size);
    }

    public void Advance(int count) => _length += count;

    /// <summary>Ends the head with Content-Length and sends head and body (or buffers them, see <see cref="DefersFlush"/>).</summary>
    public void Send(ReadOnlySpan<byte> body)
    {
        Append("Content-Length: "u8);
        AppendNumber(body.Length);
        Append(ClosesConnection ? "\r\nConnection: close\r\n\r\n"u8 : "\r\n\r\n"u8);
        if (body.Length <= MaxBufferedBody)
        {
            Append(body);
            if (!DefersFlush || ClosesConnection) Flush();
        }
        else
        {
            Flush();
            SendAll(body);
        }
        _responseStart = _length;
        HasSent = true;
    }

    /// <summary>Sends the buffered responses now.</summary>
    public void Flush()
    {
        if (_length > 0) SendAll(_buffer.AsSpan(0, _length));
        _length = 0;
        _responseStart = 0;
    }

    /// <summary>Sends bytes outside any response (an interim <c>100 Continue</c>), after what is buffered.</summary>
    public void SendRaw(ReadOnlySpan<byte> bytes)
    {
        Flush();
        SendAll(bytes);
    }

    /// <summary>Set by the connection while another request is already buffered: finished responses wait for it.</summary>
    internal bool DefersFlush { get; set; }

    /// <summary>Marks the connection to be closed after this response (adds <c>Connection: close</c>).</summary>
    public void CloseAfter() => ClosesConnection = true;

    /// <summary>Sends nothing and drops the connection.</summary>
    public void Abort()
    {
        IsAborted = true;
        ClosesConnection = true;
    }

    /// <summary>
    /// True when the client has closed its side (readable with nothing to read), now or, given a
    /// <paramref name="wait"/>, by its end: the kernel wakes the wait when the close arrives. Nothing is read.
    /// </summary>
    public bool IsPeerClosed(TimeSpan wait = default)
    {
        try
        {
            return socket.Poll(wait, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    internal void Reset(bool keepAlive)
    {
        _length = _responseStart;
        HasSent = false;
        IsAborted = false;
        ClosesConnection = !keepAlive;
    }

    private void SendAll(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty) bytes = bytes[socket.Send(bytes, SocketFlags.None)..];
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void AppendNumber(long value)
    {
        Reserve(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Reserve(int size)
    {
        if (_buffer.Length - _length < size) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
    }
}
