using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.EventSources;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps AWS event sources (S3, SNS, SQS, DynamoDB Streams, Kinesis, EventBridge) on the app, next to its endpoints.</summary>
public static class EventSourceEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the event source <paramref name="name"/>: records from the bucket, topic, queue, stream or rule the construct's
    /// <c>EventSources</c> registered under this name run <paramref name="handler"/>, one record at a time, each in its
    /// own DI scope. <typeparamref name="TEvent"/> names the source: <see cref="S3ObjectEvent"/>,
    /// <see cref="SnsNotification"/>, <see cref="SqsMessage"/>, <see cref="DynamoDbStreamRecord"/>,
    /// <see cref="KinesisRecord"/> or <see cref="EventBridgeEvent"/> (or a type of your own implementing
    /// <see cref="IEventSourceRecord{TSelf}"/>). Outside Lambda nothing delivers events; the mapping is inert.
    /// </summary>
    /// <param name="app">The web application.</param>
    /// <param name="name">1-64 characters from letters, digits, '-', '_' and '.'; unique per app; the name used in the construct.</param>
    /// <param name="handler">Runs one record; throwing fails that record only.</param>
    /// <exception cref="InvalidOperationException">
    /// The name is mapped already, or the construct registered it for a source of another kind.
    /// </exception>
    public static IEndpointRouteBuilder MapEvent<TEvent>(this IEndpointRouteBuilder app, string name, EventSourceHandler<TEvent> handler)
        where TEvent : class, IEventSourceRecord<TEvent>
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(handler);
        var registry = app.ServiceProvider.GetService<EventSourceRegistry>() ?? throw new InvalidOperationException(
            "Event sources are not registered: call builder.Services.AddServerlessWebApp() before mapping events.");
        registry.Add(new EventSourceRegistration<TEvent>(name, handler));
        return app;
    }
}
