using System.Net;
using System.Net.Sockets;
using Serverless.WebApp.TestSupport.RawHttp;

namespace Serverless.WebApp.Hosting.Tests.Runtime.SocketClient;

/// <summary>
/// A Runtime API stand-in on 127.0.0.1 that speaks raw TCP: it parses each request just enough to record it and
/// answers with the exact bytes a script returns, so tests control chunking, splitting, closing and pipelining.
/// </summary>
internal sealed class ScriptedRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, ScriptedAnswer> _script;
    private readonly List<RawRequest> _requests = [];
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public ScriptedRuntimeApi(Func<RawRequest, ScriptedAnswer> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<RawRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public int ConnectionCount => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients) foreach (var client in _clients) client.Dispose();
        try { await _accepting; } catch (Exception) { /* stopped */ }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_clients) _clients.Add(client);
            _ = ServeAsync(client, Interlocked.Increment(ref _connections));
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        try
        {
            using var _ = client;
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new RawHttpMessageReader(stream);
            RawRequest? carried = null;
            while (true)
            {
                var request = carried ?? Record(await ReadRequestAsync(reader, connection));
                carried = null;
                if (request is null) return;
                var answer = _script(request);
                if (answer.HoldUntilNextRequest)
                {
                    // Recorded when it arrives, not when the loop comes round to it: the answer written below may
                    // already be read, and the requests counted by the test, before that.
                    carried = Record(await ReadRequestAsync(reader, connection).WaitAsync(TimeSpan.FromSeconds(5))
                        ?? throw new InvalidOperationException("The client closed the connection instead of pipelining the next request."));
                }
                if (answer.Gate is not null) await answer.Gate.WaitAsync(_stop.Token);

                if (answer.OneByteAtATime)
                {
                    for (var i = 0; i < answer.Bytes.Length; i++)
                    {
                        await stream.WriteAsync(answer.Bytes.AsMemory(i, 1), _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                        await Task.Delay(1, _stop.Token);
                    }
                }
                else
                {
                    await stream.WriteAsync(answer.Bytes, _stop.Token);
                }
                if (answer.CloseAfter) return;
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client went away.
        }
    }

    private RawRequest? Record(RawRequest? request)
    {
        if (request is not null) lock (_requests) _requests.Add(request);
        return request;
    }

    private async Task<RawRequest?> ReadRequestAsync(RawHttpMessageReader reader, int connection) =>
        await reader.ReadAsync(_stop.Token) is { } message
            ? new RawRequest(connection, message.StartLine[0], message.StartLine[1], message.Headers, message.Body)
            : null;
}
