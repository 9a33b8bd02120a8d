using System.Diagnostics;
using System.Net.Sockets;

namespace Serverless.WebApp.TestSupport.RuntimeApi.Http;

/// <summary>
/// One client connection of a <see cref="LoopbackHttpServer"/>: reads requests one after the other (keep-alive and
/// pipelining), frames each body by Content-Length or chunked encoding, and hands each request to the handler,
/// waiting for its answer before it reads the next. Runs on its own thread with blocking reads, so an arriving request
/// wakes exactly one thread (no I/O-completion hop); a handler that completes later (a long-poll) writes its response
/// from the thread that completes it. Before a read would block, the thread polls the socket for a short while
/// (<c>spinBeforeWait</c>): a thread parked in the kernel costs an idle CPU's wake-up when data arrives, which on a
/// virtual machine is tens of microseconds — as long as a whole warm invocation. .NET's thread pool and Go's scheduler
/// (Lambda's own Runtime API) spin before parking for the same reason.
/// </summary>
internal sealed class HttpConnection
{
    private const int MaxHeadBytes = 32 * 1024;
    private const int MaxLineBytes = 4 * 1024;
    private static ReadOnlySpan<byte> BadRequestHead => "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"u8;
    private static ReadOnlySpan<byte> TooLargeHead => "HTTP/1.1 413 Payload Too Large\r\nContent-Type: text/plain\r\n"u8;
    private static ReadOnlySpan<byte> ServerErrorHead => "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"u8;

    private readonly Socket _socket;
    private readonly IHttpRequestHandler _handler;
    private readonly long _maxBodyBytes;
    private readonly long _spinTicks;
    private readonly Action<HttpConnection> _onClosed;
    private readonly RawHttpRequest _request = new();
    private readonly HttpResponseWriter _response;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private int _scanned;
    private byte[] _chunked = new byte[4 * 1024];
    private int _chunkedLength;

    public HttpConnection(Socket socket, IHttpRequestHandler handler, long maxBodyBytes, TimeSpan spinBeforeWait, Action<HttpConnection> onClosed)
    {
        _socket = socket;
        _handler = handler;
        _maxBodyBytes = maxBodyBytes;
        _spinTicks = (long)(spinBeforeWait.TotalSeconds * Stopwatch.Frequency);
        _onClosed = onClosed;
        _response = new HttpResponseWriter(socket);
    }

    /// <summary>Completes when the connection has ended.</summary>
    public Task Closed => _closed.Task;

    public void Start() => new Thread(Run) { IsBackground = true, Name = "runtime-api-connection" }.Start();

    /// <summary>Ends the connection: a blocked read returns and the thread exits.</summary>
    public void Abort()
    {
        try { _socket.Shutdown(SocketShutdown.Both); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        _socket.Dispose();
    }

    private void Run()
    {
        try
        {
            while (ServeOne()) { }
            _response.Flush();
        }
        catch (Exception)
        {
            // a broken socket, or a fault in this connection's own code: either way only this connection ends (an
            // exception escaping a thread would end the whole test process)
        }
        finally
        {
            _socket.Dispose();
            _onClosed(this);
            _closed.TrySetResult();
        }
    }

    /// <summary>Reads, answers and consumes one request; false when the connection is over.</summary>
    private bool ServeOne()
    {
        int headEnd;
        while ((headEnd = FindHeadEnd()) < 0)
        {
            if (_end - _start >= MaxHeadBytes) return Reject(BadRequestHead, "Request head larger than 32 KiB.");
            if (!Receive()) return false;
        }
        if (!HttpRequestParser.TryParseHead(_buffer.AsSpan(_start, headEnd - _start), _request, out var error))
            return Reject(BadRequestHead, "Malformed request: " + error + ".");
        _start = headEnd + 4;
        _scanned = 0;
        _response.Reset(_request.KeepAlive);

        if (_request.ExpectsContinue && (_request.IsChunked || _request.ContentLength > 0))
            _response.SendRaw("HTTP/1.1 100 Continue\r\n\r\n"u8);
        var consumed = 0;
        if (_request.IsChunked)
        {
            var read = ReadChunkedBody();
            if (read != BodyRead.Complete) return RejectBody(read);
            _request.Body = _chunked.AsMemory(0, _chunkedLength);
        }
        else if (_request.ContentLength > 0)
        {
            var read = ReadContentLengthBody(_request.ContentLength, out consumed);
            if (read != BodyRead.Complete) return RejectBody(read);
        }

        _response.DefersFlush = _end - _start > consumed;
        if (!Dispatch()) return false;
        _start += consumed;
        return !_response.ClosesConnection;
    }

    private bool Dispatch()
    {
        try
        {
            var handled = _handler.HandleAsync(_request, _response);
            if (handled.IsCompletedSuccessfully) handled.GetAwaiter().GetResult();
            else handled.AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (SocketException or ObjectDisposedException or IOException))
        {
            if (!_response.HasSent && !_response.IsAborted) Reject(ServerErrorHead, e.GetType().Name + ": " + e.Message);
            return false;
        }
        return !_response.IsAborted;
    }

    private BodyRead ReadContentLengthBody(long contentLength, out int consumed)
    {
        consumed = 0;
        if (contentLength > _maxBodyBytes) return BodyRead.TooLarge;
        var length = (int)contentLength;
        if (length <= _buffer.Length)
        {
            if (!EnsureBuffered(length)) return BodyRead.EndOfStream;
            _request.Body = _buffer.AsMemory(_start, length);
            consumed = length;
            return BodyRead.Complete;
        }

        // larger than the receive buffer: read it straight into its own array
        var body = new byte[length];
        var filled = Math.Min(length, _end - _start);
        _buffer.AsSpan(_start, filled).CopyTo(body);
        _start += filled;
        while (filled < length)
        {
            var received = _socket.Receive(body, filled, length - filled, SocketFlags.None);
            if (received == 0) return BodyRead.EndOfStream;
            filled += received;
        }
        _request.Body = body;
        return BodyRead.Complete;
    }

    private BodyRead ReadChunkedBody()
    {
        _chunkedLength = 0;
        while (true)
        {
            var lineEnd = FindLineEnd();
            if (lineEnd < 0) return (BodyRead)lineEnd;
            if (!HttpRequestParser.TryParseChunkSize(_buffer.AsSpan(_start, lineEnd - _start), out var size)) return BodyRead.Malformed;
            _start = lineEnd + 2;
            if (size == 0) break;
            if (_chunkedLength + size > _maxBodyBytes) return BodyRead.TooLarge;
            if (_chunked.Length < _chunkedLength + size) Array.Resize(ref _chunked, (int)Math.Max(_chunked.Length * 2L, _chunkedLength + size));

            var remaining = (int)size;
            while (remaining > 0)
            {
                if (_start == _end && !Receive()) return BodyRead.EndOfStream;
                var take = Math.Min(remaining, _end - _start);
                _buffer.AsSpan(_start, take).CopyTo(_chunked.AsSpan(_chunkedLength));
                _chunkedLength += take;
                _start += take;
                remaining -= take;
            }
            if (!EnsureBuffered(2)) return BodyRead.EndOfStream;
            if (_buffer[_start] != (byte)'\r' || _buffer[_start + 1] != (byte)'\n') return BodyRead.Malformed;
            _start += 2;
        }

        // trailer fields, ignored, up to the empty line
        while (true)
        {
            var lineEnd = FindLineEnd();
            if (lineEnd < 0) return (BodyRead)lineEnd;
            var empty = lineEnd == _start;
            _start = lineEnd + 2;
            if (empty) return BodyRead.Complete;
        }
    }

    private bool RejectBody(BodyRead read) => read switch
    {
        BodyRead.TooLarge => Reject(TooLargeHead, $"Request body larger than {_maxBodyBytes} bytes."),
        BodyRead.Malformed => Reject(BadRequestHead, "Malformed chunked body."),
        _ => false,
    };

    /// <summary>Answers an error and ends the connection: after a framing error the stream cannot be trusted.</summary>
    private bool Reject(ReadOnlySpan<byte> head, string message)
    {
        _response.Reset(keepAlive: false);
        _response.Start(head);
        _response.Send(System.Text.Encoding.UTF8.GetBytes(message));
        _socket.Shutdown(SocketShutdown.Send);
        DrainBeforeClose();
        return false;
    }

    /// <summary>
    /// Reads what the client still sends until it closes (briefly), so closing with unread bytes does not reset the
    /// connection and destroy the error response before the client reads it.
    /// </summary>
    private void DrainBeforeClose()
    {
        _socket.ReceiveTimeout = 500;
        var drained = 0;
        try
        {
            int received;
            while (drained < MaxHeadBytes && (received = _socket.Receive(_buffer)) > 0) drained += received;
        }
        catch (SocketException) { }
    }

    private int FindHeadEnd()
    {
        var from = _start + Math.Max(0, _scanned - 3);
        var index = _buffer.AsSpan(from, _end - from).IndexOf("\r\n\r\n"u8);
        if (index >= 0) return from + index;
        _scanned = _end - _start;
        return -1;
    }

    /// <summary>Index of the CR ending the line at <see cref="_start"/>, or a negative <see cref="BodyRead"/>.</summary>
    private int FindLineEnd()
    {
        while (true)
        {
            var index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (index >= 0) return _start + index;
            if (_end - _start > MaxLineBytes) return (int)BodyRead.Malformed;
            if (!Receive()) return (int)BodyRead.EndOfStream;
        }
    }

    private bool EnsureBuffered(int count)
    {
        while (_end - _start < count)
        {
            if (_buffer.Length - _start < count) Compact();
            if (!Receive()) return false;
        }
        return true;
    }

    /// <summary>Blocks until more bytes arrive; false at the end of the stream.</summary>
    private bool Receive()
    {
        _response.Flush();
        if (_start == _end) _start = _end = 0;
        else if (_end == _buffer.Length)
        {
            if (_start > 0) Compact();
            else Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        SpinUntilReadable();
        var received = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        if (received == 0) return false;
        _end += received;
        return true;
    }

    /// <summary>Polls for up to the spin time whether a read would find data; the blocking read follows either way.</summary>
    private void SpinUntilReadable()
    {
        if (_spinTicks <= 0 || _socket.Available > 0) return;
        var until = Stopwatch.GetTimestamp() + _spinTicks;
        var spinner = new SpinWait();
        do
        {
            spinner.SpinOnce(sleep1Threshold: -1); // spin, then yield the CPU to anything runnable, never sleep
        }
        while (_socket.Available == 0 && Stopwatch.GetTimestamp() < until);
    }

    private void Compact()
    {
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
    }

    private enum BodyRead
    {
        Complete = 0,
        EndOfStream = -1,
        Malformed = -2,
        TooLarge = -3,
    }
}
