using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Routing;
using Serverless.WebApp.Hosting.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps queued tasks on the app, next to its endpoints.</summary>
public static class TaskEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the task <paramref name="name"/>: <see cref="ITaskQueue.EnqueueAsync{TPayload}"/> with this name queues a
    /// <typeparamref name="TPayload"/>, and the worker runs <paramref name="handler"/> for it.
    /// </summary>
    /// <param name="app">The web application.</param>
    /// <param name="name">1-80 characters from letters, digits, '-', '_' and '.'; unique per app.</param>
    /// <param name="handler">Runs one task; resolve services from <see cref="TaskContext.Services"/>.</param>
    /// <param name="payloadTypeInfo">
    /// Source-generated JSON metadata for the payload. Default: taken from the app's HTTP JSON options
    /// (<c>ConfigureHttpJsonOptions</c>, where an AOT app registers its <c>JsonSerializerContext</c>).
    /// </param>
    public static IEndpointRouteBuilder MapTask<TPayload>(this IEndpointRouteBuilder app, string name,
        TaskHandler<TPayload> handler, JsonTypeInfo<TPayload>? payloadTypeInfo = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        var registry = app.ServiceProvider.GetService<TaskRegistry>() ?? throw new InvalidOperationException(
            "Tasks are not registered: call builder.Services.AddServerlessWebApp() before mapping tasks.");
        payloadTypeInfo ??= ResolveTypeInfo<TPayload>(app.ServiceProvider, name);
        registry.Add(new TaskRegistration<TPayload>(name, handler, payloadTypeInfo));
        return app;
    }

    private static JsonTypeInfo<TPayload> ResolveTypeInfo<TPayload>(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        if (options.TryGetTypeInfo(typeof(TPayload), out var info) && info is JsonTypeInfo<TPayload> typed)
        {
            return typed;
        }
        throw new InvalidOperationException(
            $"Task '{name}': no JSON metadata for payload type {typeof(TPayload).FullName}. Pass its JsonTypeInfo " +
            "(e.g. AppJsonContext.Default.MyPayload) or add your JsonSerializerContext through ConfigureHttpJsonOptions.");
    }
}
