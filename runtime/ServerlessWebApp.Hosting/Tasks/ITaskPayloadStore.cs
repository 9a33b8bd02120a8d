namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>Where payloads too large for a queue message are kept.</summary>
internal interface ITaskPayloadStore
{
    /// <summary>The bucket offloaded payloads go to; null when none is configured (large payloads are refused).</summary>
    string? Bucket { get; }

    Task<TaskPayloadReference> PutAsync(string taskId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <exception cref="TaskPayloadException">The reference is not in the configured bucket.</exception>
    Task<byte[]> GetAsync(TaskPayloadReference reference, CancellationToken cancellationToken);
}
