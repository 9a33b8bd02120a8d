using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessWebApp.Hosting.Tests.Runtime.Scripted;

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
            var reader = new RequestReader(stream, connection);
            RawRequest? carried = null;
            while (true)
            {
                var request = carried ?? await reader.ReadAsync(_stop.Token);
                carried = null;
                if (request is null) return;
                lock (_requests) _requests.Add(request);
                var answer = _script(request);
                if (answer.HoldUntilNextRequest)
                {
                    carried = await reader.ReadAsync(_stop.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(5))
                        ?? throw new InvalidOperationException("The client closed the connection instead of pipelining the next request.");
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

    /// <summary>Reads request heads and Content-Length bodies from one connection, keeping extra bytes for the next request.</summary>
    private sealed class RequestReader(Stream stream, int connection)
    {
        private readonly List<byte> _pending = [];
        private readonly byte[] _chunk = new byte[64 * 1024];

        public async ValueTask<RawRequest?> ReadAsync(CancellationToken cancellationToken)
        {
            int headEnd;
            while ((headEnd = IndexOfHeadEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken)) return null;
            }

            var head = Encoding.ASCII.GetString([.. _pending.GetRange(0, headEnd)]).Split("\r\n");
            _pending.RemoveRange(0, headEnd + 4);
            var requestLine = head[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in head.Skip(1))
            {
                var colon = line.IndexOf(':');
                headers[line[..colon]] = line[(colon + 1)..].Trim();
            }

            var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value) : 0;
            while (_pending.Count < length)
            {
                if (!await FillAsync(cancellationToken)) return null;
            }
            var body = Encoding.UTF8.GetString([.. _pending.GetRange(0, length)]);
            _pending.RemoveRange(0, length);
            return new RawRequest(connection, requestLine[0], requestLine[1], headers, body);
        }

        private int IndexOfHeadEnd()
        {
            for (var i = 0; i + 3 < _pending.Count; i++)
            {
                if (_pending[i] == '\r' && _pending[i + 1] == '\n' && _pending[i + 2] == '\r' && _pending[i + 3] == '\n') return i;
            }
            return -1;
        }

        private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
        {
            var read = await stream.ReadAsync(_chunk, cancellationToken);
            _pending.AddRange(_chunk.AsSpan(0, read));
            return read > 0;
        }
    }
}
