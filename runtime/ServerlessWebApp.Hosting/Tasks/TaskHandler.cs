namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Runs one task. Resolve services from <see cref="TaskContext.Services"/> (a scope per attempt). Throwing fails this
/// attempt: the task is retried and finally dead-lettered. <paramref name="cancellationToken"/> fires before the Lambda
/// invocation deadline or when the local host stops.
/// </summary>
public delegate Task TaskHandler<in TPayload>(TPayload payload, TaskContext context, CancellationToken cancellationToken);
