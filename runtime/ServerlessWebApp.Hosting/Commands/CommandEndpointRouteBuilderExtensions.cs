using Microsoft.AspNetCore.Routing;
using Serverless.WebApp.Hosting.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps management commands on the app, like <c>zappa manage</c>'s Django commands.</summary>
public static class CommandEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <paramref name="name"/>: a direct invocation <c>{"command":"name","args":[...]}</c> runs
    /// <paramref name="handler"/> and answers <c>{"command":..,"exitCode":..,"output":..}</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapCommand(this IEndpointRouteBuilder app, string name, CommandHandler handler)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        var registry = app.ServiceProvider.GetService<CommandRegistry>() ?? throw new InvalidOperationException(
            "Commands are not registered: call builder.Services.AddServerlessWebApp() before mapping commands.");
        registry.Add(name, handler);
        return app;
    }
}
