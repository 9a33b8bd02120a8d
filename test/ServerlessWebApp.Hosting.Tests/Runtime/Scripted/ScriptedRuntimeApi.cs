using System.Collections.Concurrent;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Hosting.Tests.Runtime.Scripted;

/// <summary>
/// A Runtime API stand-in on Kestrel (127.0.0.1, a free port) that records every request and answers each as a script
/// says: a status and body, a hang-up, or either of them only once a gate opens. <see cref="Received"/> lets a test
/// wait until a request has arrived instead of waiting a while.
/// </summary>
internal sealed class ScriptedRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<RecordedRequest, ScriptedAnswer> _script;
    private readonly List<RecordedRequest> _requests = [];
    private readonly ConcurrentDictionary<string, int> _connections = new();
    private readonly List<TaskCompletionSource> _arrivals = [];

    private ScriptedRuntimeApi(WebApplication app, Func<RecordedRequest, ScriptedAnswer> script)
    {
        _app = app;
        _script = script;
    }

    public string Address { get; private set; } = "";

    public int Port { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public int ConnectionCount => _connections.Count;

    public static async Task<ScriptedRuntimeApi> StartAsync(Func<RecordedRequest, ScriptedAnswer> script)
    {
        ScriptedRuntimeApi? api = null;
        var (app, address) = await LoopbackEndpoint.StartAsync(context => api!.AnswerAsync(context));
        api = new ScriptedRuntimeApi(app, script) { Port = address.Port, Address = address.Authority };
        return api;
    }

    /// <summary>Completes when the <paramref name="count"/>-th request (1-based) has arrived and been recorded.</summary>
    public Task Received(int count)
    {
        lock (_requests) return Arrival(count - 1).Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var connection = _connections.GetOrAdd(context.Connection.Id, _ => _connections.Count + 1);
        using var reader = new StreamReader(context.Request.Body);
        var request = new RecordedRequest(connection, context.Request.Method, context.Request.Path.ToUriComponent(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync());
        TaskCompletionSource arrived;
        lock (_requests)
        {
            _requests.Add(request);
            arrived = Arrival(_requests.Count - 1);
        }
        var answer = _script(request);
        arrived.TrySetResult();

        if (answer.Gate is not null) await answer.Gate.WaitAsync(context.RequestAborted);
        if (answer.HangUp)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(answer.Body);
    }

    private TaskCompletionSource Arrival(int index)
    {
        while (_arrivals.Count <= index) _arrivals.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _arrivals[index];
    }
}
