namespace Serverless.WebApp.Hosting.Tasks.Local;

/// <summary>Wakes the local worker when a task is enqueued in this process, so it does not wait for the next poll.</summary>
internal sealed class LocalTaskSignal
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify() => _signal.Release();

    /// <summary>Waits for a notification or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
