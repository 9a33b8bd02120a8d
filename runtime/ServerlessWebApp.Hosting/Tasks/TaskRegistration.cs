namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>One mapped task: its name and how to serialise, deserialise and run its payload.</summary>
internal abstract class TaskRegistration
{
    protected TaskRegistration(string name) => Name = name;

    public string Name { get; }

    public abstract Type PayloadType { get; }

    /// <summary>Deserialises <paramref name="payloadJson"/> and runs the handler; returns the result JSON it set.</summary>
    /// <exception cref="TaskPayloadException">The payload does not deserialise into the task's payload type.</exception>
    public abstract Task<string?> RunAsync(ReadOnlyMemory<byte> payloadJson, TaskContext context, CancellationToken cancellationToken);
}
