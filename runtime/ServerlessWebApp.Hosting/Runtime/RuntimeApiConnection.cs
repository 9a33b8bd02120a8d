using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// One persistent TCP connection (TCP_NODELAY) to the Runtime API and the HTTP/1.1 response reader on top of it.
/// Bytes that arrive beyond the response being read stay in the receive buffer for the next one, so requests can be
/// pipelined. Any failure while reading or writing closes the connection (its state is unknown afterwards); the next
/// <see cref="ConnectAsync"/> opens a fresh one. One caller at a time.
/// </summary>
internal sealed class RuntimeApiConnection : IDisposable
{
    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxLineBytes = 8 * 1024;
    private const int ReceiveChunk = 64 * 1024;

    private readonly EndPoint _endPoint;
    private Socket? _socket;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _start;
    private int _end;
    private string? _lastArn;

    public RuntimeApiConnection(string runtimeApi) => _endPoint = ParseEndPoint(runtimeApi);

    public bool IsOpen => _socket is not null;

    /// <summary>Increases with every connection opened, so a caller can tell whether a request was sent on this one.</summary>
    public int Generation { get; private set; }

    /// <summary>How many responses were read completely on the current connection.</summary>
    public int ResponsesRead { get; private set; }

    /// <summary>Whether any byte of an answer has arrived since the last request was sent or the last response read began.</summary>
    public bool AnswerStarted { get; private set; }

    public async ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        if (_socket is not null) return;
        var socket = _endPoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(_endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _start = _end = 0;
        ResponsesRead = 0;
        Generation++;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("The Runtime API connection is not open.");
        AnswerStarted = _end > _start;
        try
        {
            while (!bytes.IsEmpty)
            {
                var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                bytes = bytes[sent..];
            }
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <summary>
    /// Reads one complete response: its head, and its body into <paramref name="body"/>. Interim 1xx answers are
    /// skipped; <paramref name="request"/> names the request being answered in error messages.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RuntimeApiResponseHead> ReadResponseAsync(IBufferWriter<byte> body, string request, CancellationToken cancellationToken)
    {
        AnswerStarted = _end > _start;
        try
        {
            RuntimeApiResponseHead head;
            do
            {
                head = await ReadHeadAsync(request, cancellationToken).ConfigureAwait(false);
            }
            while (head.StatusCode is >= 100 and <= 199 and not 101);

            if (head.StatusCode == 101) throw RuntimeApiResponseParser.Invalid(request, "101 Switching Protocols");
            if (!head.HasNoBody)
            {
                if (head.Chunked) await ReadChunkedAsync(body, request, cancellationToken).ConfigureAwait(false);
                else if (head.ContentLength >= 0) await CopyAsync(head.ContentLength, body, request, cancellationToken).ConfigureAwait(false);
                else await ReadToEndAsync(body, cancellationToken).ConfigureAwait(false);
            }

            ResponsesRead++;
            if (head.ConnectionClose || (!head.HasNoBody && !head.Chunked && head.ContentLength < 0)) Close();
            return head;
        }
        catch
        {
            Close();
            throw;
        }
    }

    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _start = _end = 0;
    }

    public void Dispose()
    {
        Close();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<RuntimeApiResponseHead> ReadHeadAsync(string request, CancellationToken cancellationToken)
    {
        int headEnd;
        var searched = 0;
        while ((headEnd = RuntimeApiResponseParser.FindHeadEnd(_buffer.AsSpan(_start + searched, _end - _start - searched))) < 0)
        {
            searched = Math.Max(0, _end - _start - 3);
            if (_end - _start >= MaxHeadBytes)
            {
                throw RuntimeApiResponseParser.Invalid(request, $"a response head longer than {MaxHeadBytes} bytes");
            }
            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException(_end == _start
                    ? $"The Runtime API closed the connection before answering {request}."
                    : $"The Runtime API closed the connection in the middle of the response head to {request}.");
            }
        }

        var head = RuntimeApiResponseParser.Parse(_buffer.AsSpan(_start, searched + headEnd), request, _lastArn);
        _start += searched + headEnd;
        _lastArn = head.InvokedFunctionArn ?? _lastArn;
        return head;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadChunkedAsync(IBufferWriter<byte> body, string request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lineLength = await ReadLineAsync(request, cancellationToken).ConfigureAwait(false);
            var size = RuntimeApiResponseParser.ParseChunkSize(_buffer.AsSpan(_start, lineLength), request);
            _start += lineLength + 2;
            if (size == 0) break;

            await CopyAsync(size, body, request, cancellationToken).ConfigureAwait(false);
            if (await ReadLineAsync(request, cancellationToken).ConfigureAwait(false) != 0)
            {
                throw RuntimeApiResponseParser.Invalid(request, $"chunk data longer than its declared size of {size} bytes");
            }
            _start += 2;
        }

        // Trailer fields (ignored) up to the empty line that ends the message.
        int trailerLength;
        while ((trailerLength = await ReadLineAsync(request, cancellationToken).ConfigureAwait(false)) != 0)
        {
            _start += trailerLength + 2;
        }
        _start += 2;
    }

    /// <summary>Waits until a CRLF-terminated line is buffered at <see cref="_start"/>; returns its length without the CRLF.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadLineAsync(string request, CancellationToken cancellationToken)
    {
        int length;
        while ((length = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            if (_end - _start > MaxLineBytes) throw RuntimeApiResponseParser.Invalid(request, $"a chunk line longer than {MaxLineBytes} bytes");
            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException($"The Runtime API closed the connection in the middle of the chunked body answering {request}.");
            }
        }
        return length;
    }

    /// <summary>Moves exactly <paramref name="count"/> body bytes into <paramref name="body"/>: first what is buffered, then straight from the socket.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CopyAsync(long count, IBufferWriter<byte> body, string request, CancellationToken cancellationToken)
    {
        var buffered = (int)Math.Min(count, _end - _start);
        if (buffered > 0)
        {
            body.Write(_buffer.AsSpan(_start, buffered));
            _start += buffered;
            count -= buffered;
        }

        while (count > 0)
        {
            var want = (int)Math.Min(count, ReceiveChunk);
            var memory = body.GetMemory(want)[..want];
            var read = await _socket!.ReceiveAsync(memory, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"The Runtime API closed the connection with {count} bytes of the body answering {request} still to come.");
            }
            body.Advance(read);
            count -= read;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadToEndAsync(IBufferWriter<byte> body, CancellationToken cancellationToken)
    {
        body.Write(_buffer.AsSpan(_start, _end - _start));
        _start = _end;
        int read;
        while ((read = await _socket!.ReceiveAsync(body.GetMemory(ReceiveChunk), SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
        {
            body.Advance(read);
        }
    }

    /// <summary>Receives more bytes after <see cref="_end"/>, compacting or growing the buffer first if it is full.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            var pending = _end - _start;
            var target = pending * 2 > _buffer.Length ? ArrayPool<byte>.Shared.Rent(_buffer.Length * 2) : _buffer;
            _buffer.AsSpan(_start, pending).CopyTo(target);
            if (target != _buffer)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = target;
            }
            _start = 0;
            _end = pending;
        }

        var read = await _socket!.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        _end += read;
        AnswerStarted |= read > 0;
        return read;
    }

    /// <summary><c>AWS_LAMBDA_RUNTIME_API</c> is <c>host:port</c>: an IP address in Lambda, a host name is resolved on connect.</summary>
    internal static EndPoint ParseEndPoint(string runtimeApi)
    {
        var colon = runtimeApi.LastIndexOf(':');
        if (colon > 0 && ushort.TryParse(runtimeApi.AsSpan(colon + 1), out var port) && port > 0)
        {
            var host = runtimeApi[..colon];
            if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
            if (IPAddress.TryParse(host, out var address)) return new IPEndPoint(address, port);
            if (host.Length > 0 && Uri.CheckHostName(host) == UriHostNameType.Dns) return new DnsEndPoint(host, port);
        }

        throw new InvalidOperationException(
            $"{LambdaEnvironmentVariables.RuntimeApi} is '{runtimeApi}'; expected host:port (for example 127.0.0.1:9001).");
    }
}
