using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.KeepWarming;

/// <summary>Registers the keep-warm ping's handler; called by <c>AddServerlessWebApp()</c>.</summary>
internal static class KeepWarmServiceCollectionExtensions
{
    /// <summary>The ping is answered before any other handler, without entering the app.</summary>
    internal static IServiceCollection AddServerlessWebAppKeepWarm(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, KeepWarmHandler>());
        return services;
    }
}
