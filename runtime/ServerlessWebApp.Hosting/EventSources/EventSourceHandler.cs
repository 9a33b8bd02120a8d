namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>
/// Handles one record of a mapped event source. Resolve services from <see cref="EventSourceContext.Services"/> (a scope
/// per record). Throwing fails this record only: a queue or stream record is reported as a batch item failure, an S3,
/// SNS or EventBridge invocation is failed so Lambda retries it. <paramref name="cancellationToken"/> fires shortly
/// before the invocation's deadline.
/// </summary>
public delegate Task EventSourceHandler<in TEvent>(TEvent record, EventSourceContext context, CancellationToken cancellationToken);
