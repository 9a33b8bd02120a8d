using System.Net.Sockets;
using System.Text;
using Serverless.WebApp.TestSupport.RawHttp;

namespace Serverless.WebApp.EndToEnd.Tests.RuntimeApi;

/// <summary>
/// A client on a bare socket, to talk to the emulator byte for byte: pipelined writes, split writes, malformed
/// requests — things an HttpClient never sends.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly RawHttpMessageReader _reader;

    private RawHttpConnection(Socket socket)
    {
        _socket = socket;
        _reader = new RawHttpMessageReader(new NetworkStream(socket, ownsSocket: false));
    }

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
        var message = await _reader.ReadAsync(timeout.Token)
            ?? throw new IOException("The server closed the connection before a full response head.");
        return new RawHttpResponse(int.Parse(message.StartLine[1]), message.Headers, message.Body);
    }

    /// <summary>True when the server closes the connection (a read returns end of stream) within the timeout.</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            return await _reader.IsAtEndAsync(timeout.Token);
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
