using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>Registers management commands; called by <c>AddServerlessWebApp()</c>.</summary>
internal static class CommandServiceCollectionExtensions
{
    /// <summary>Commands mapped with <c>app.MapCommand</c> run from a direct invocation in Lambda, or from <c>manage</c> locally.</summary>
    internal static IServiceCollection AddServerlessWebAppCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<CommandRegistry>();
        services.TryAddSingleton<CommandRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, ManagementCommandHandler>());
        return services;
    }
}
