using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>Registers the event sources' handlers; called by <c>AddServerlessWebApp()</c>.</summary>
internal static class EventSourceServiceCollectionExtensions
{
    internal static IServiceCollection AddServerlessWebAppEventSources(this IServiceCollection services)
    {
        services.TryAddSingleton<EventSourceRoutes>();
        services.TryAddSingleton<EventSourceRegistry>();
        Add<S3EventSourceAdapter>(services);
        Add<SnsEventSourceAdapter>(services);
        Add<DynamoDbStreamEventSourceAdapter>(services);
        Add<KinesisEventSourceAdapter>(services);
        Add<SqsEventSourceAdapter>(services);
        Add<EventBridgeEventSourceAdapter>(services);
        return services;
    }

    private static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAdapter>(IServiceCollection services) where TAdapter : class, IEventSourceAdapter
    {
        services.TryAddSingleton<TAdapter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, EventSourceInvocationHandler<TAdapter>>());
    }
}
