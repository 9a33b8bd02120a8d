using System.Net.Sockets;
using System.Text;

namespace ServerlessWebApp.EndToEnd.Tests.RuntimeApi;

/// <summary>
/// A client on a bare socket, to talk to the emulator byte for byte: pipelined writes, split writes, malformed
/// requests — things an HttpClient never sends.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> ConnectAsync(string address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var colon = address.LastIndexOf(':');
        await socket.ConnectAsync(address[..colon], int.Parse(address[(colon + 1)..]));
        return new RawHttpConnection(socket);
    }

    public async Task SendAsync(string text) => await SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length) sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
    }

    /// <summary>Sends each byte in its own write, with a pause so each one arrives as its own segment.</summary>
    public async Task SendOneByteAtATimeAsync(string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            await _socket.SendAsync(new[] { b }, SocketFlags.None);
            await Task.Delay(1);
        }
    }

    /// <summary>Reads one response: status line, headers and a Content-Length body.</summary>
    public async Task<RawHttpResponse> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (await ReceiveAsync(timeout.Token) == 0) throw new IOException("The server closed the connection before a full response head.");
        }
        var head = Encoding.ASCII.GetString(_buffer, _start, headEnd);
        _start += headEnd + 4;
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value) : 0;
        while (_end - _start < length)
        {
            if (await ReceiveAsync(timeout.Token) == 0) throw new IOException("The server closed the connection inside a response body.");
        }
        var body = Encoding.UTF8.GetString(_buffer, _start, length);
        _start += length;
        return new RawHttpResponse(status, headers, body);
    }

    /// <summary>True when the server closes the connection (a read returns end of stream) within the timeout.</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            while (true)
            {
                if (_start < _end) return false;
                if (await ReceiveAsync(timeout.Token) == 0) return true;
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_start == _end) _start = _end = 0;
        var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += received;
        return received;
    }

    public void Dispose() => _socket.Dispose();
}
