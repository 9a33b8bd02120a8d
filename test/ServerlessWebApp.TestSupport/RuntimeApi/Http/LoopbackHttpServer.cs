using System.Net;
using System.Net.Sockets;

namespace Serverless.WebApp.TestSupport.RuntimeApi.Http;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 and a free port, on a raw listening socket: one thread per connection, each
/// request handed to one <see cref="IHttpRequestHandler"/>. Enough for a handful of local clients (a Lambda runtime and
/// its start-up monitor), without a web framework in the timed path.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);
    private readonly Socket _listener;
    private readonly IHttpRequestHandler _handler;
    private readonly long _maxBodyBytes;
    private readonly TimeSpan _spinBeforeWait;
    private readonly Lock _lock = new();
    private readonly HashSet<HttpConnection> _connections = [];
    private Task _acceptLoop = Task.CompletedTask;
    private bool _disposed;

    private LoopbackHttpServer(Socket listener, IHttpRequestHandler handler, long maxBodyBytes, TimeSpan spinBeforeWait)
    {
        _listener = listener;
        _handler = handler;
        _maxBodyBytes = maxBodyBytes;
        _spinBeforeWait = spinBeforeWait;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// Listens on 127.0.0.1 and a free port; request bodies above <paramref name="maxBodyBytes"/> get 413. A connection
    /// polls for up to <paramref name="spinBeforeWait"/> before its thread blocks in a read.
    /// </summary>
    public static LoopbackHttpServer Start(IHttpRequestHandler handler, long maxBodyBytes, TimeSpan spinBeforeWait)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(64);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        var server = new LoopbackHttpServer(listener, handler, maxBodyBytes, spinBeforeWait);
        server._acceptLoop = server.AcceptLoopAsync();
        return server;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            var connection = new HttpConnection(socket, _handler, _maxBodyBytes, _spinBeforeWait, Forget);
            lock (_lock)
            {
                if (_disposed)
                {
                    socket.Dispose();
                    return;
                }
                _connections.Add(connection);
            }
            connection.Start();
        }
    }

    private void Forget(HttpConnection connection)
    {
        lock (_lock) _connections.Remove(connection);
    }

    /// <summary>Stops listening and ends every connection (a blocked read or a waiting handler is released by the caller).</summary>
    public async ValueTask DisposeAsync()
    {
        HttpConnection[] open;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            open = [.. _connections];
        }
        _listener.Dispose();
        await _acceptLoop;
        var closed = new Task[open.Length];
        for (var i = 0; i < open.Length; i++)
        {
            open[i].Abort();
            closed[i] = open[i].Closed;
        }
        try
        {
            await Task.WhenAll(closed).WaitAsync(ShutdownGrace);
        }
        catch (TimeoutException)
        {
            // a handler still holds its connection thread; the thread is a background thread and ends with its socket
        }
    }
}
