using System.Collections.Concurrent;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>Lets a test wait until a request's <c>OnCompleted</c> callback has run, instead of guessing.</summary>
internal sealed class CompletionSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _signals = new();

    public void Complete(string id, bool responseHadStarted) => Signal(id).TrySetResult(responseHadStarted);

    /// <summary>Whether the response had started when the callback ran.</summary>
    public Task<bool> WaitAsync(string id) => Signal(id).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private TaskCompletionSource<bool> Signal(string id) =>
        _signals.GetOrAdd(id, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
}
