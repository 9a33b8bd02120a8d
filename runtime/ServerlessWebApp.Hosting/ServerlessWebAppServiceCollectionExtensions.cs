using Microsoft.AspNetCore.Hosting.Server;
using Serverless.WebApp.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Commands;
using Serverless.WebApp.Hosting.EventSources.Dispatch;
using Serverless.WebApp.Hosting.Events;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.KeepWarming;
using Serverless.WebApp.Hosting.Logging;
using Serverless.WebApp.Hosting.Runtime;
using Serverless.WebApp.Hosting.Server;
using Serverless.WebApp.Hosting.Tasks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ServerlessWebApp hosting runtime.</summary>
public static class ServerlessWebAppServiceCollectionExtensions
{
    /// <summary>
    /// Makes the app runnable in AWS Lambda. When <c>AWS_LAMBDA_RUNTIME_API</c> is set (inside Lambda) the app is
    /// served from Lambda events (API Gateway REST and HTTP APIs, function URLs, ALB, direct invocation) instead of
    /// Kestrel, and logs are written as Lambda JSON log lines; otherwise the app runs on Kestrel exactly as before, or,
    /// started with <c>manage &lt;command&gt; [args…]</c>, runs that management command and exits with its exit code, or,
    /// started with <c>invoke &lt;event.json | METHOD /path [body]&gt;</c>, runs that one Lambda event through the same
    /// pipeline as on Lambda and prints the response Lambda would return.
    /// </summary>
    public static IServiceCollection AddServerlessWebApp(this IServiceCollection services, Action<ServerlessWebAppOptions>? configure = null) =>
        services.AddServerlessWebApp(configure, new ProcessLambdaEnvironment());

    internal static IServiceCollection AddServerlessWebApp(this IServiceCollection services, Action<ServerlessWebAppOptions>? configure,
        ILambdaEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ServerlessWebAppOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => o.MaxResponsePayloadBytes > 0 && o.MaxResponsePayloadBytes <= ServerlessWebAppOptions.LambdaResponsePayloadLimit,
            $"ServerlessWebAppOptions.MaxResponsePayloadBytes must be between 1 and {ServerlessWebAppOptions.LambdaResponsePayloadLimit} (Lambda's 6 MB limit).");
        options.Validate(o => o.DeadlineMargin >= TimeSpan.Zero,
            "ServerlessWebAppOptions.DeadlineMargin must be zero or positive.");
        options.Validate(o => o.BinaryMediaTypes.All(t => !string.IsNullOrWhiteSpace(t) && t.Contains('/')),
            "ServerlessWebAppOptions.BinaryMediaTypes entries must be media types such as 'application/pdf' or wildcards such as 'image/*'.");
        options.ValidateOnStart();

        services.TryAddSingleton(environment);
        services.TryAddSingleton(TimeProvider.System);
        AddHttpEventHandlers(services);

        services.AddServerlessWebAppTasks();
        services.AddServerlessWebAppKeepWarm();
        services.AddServerlessWebAppCommands();
        services.AddServerlessWebAppEventSources();

        if (string.IsNullOrEmpty(environment.GetVariable(LambdaEnvironmentVariables.RuntimeApi)))
        {
            if (LocalCommandLine.TryParse(environment.CommandLineArgs, out var commandLine)) AddLocalCommandServer(services, commandLine);
            else if (LocalInvokeLine.TryParse(environment.CommandLineArgs, out var invokeLine)) AddLocalInvokeServer(services, invokeLine);
            return services;
        }

        AddLambdaServer(services);
        AddLambdaLogging(services, environment);
        return services;
    }

    private static void AddHttpEventHandlers(IServiceCollection services)
    {
        services.TryAddSingleton<LambdaHttpApplication>();
        services.TryAddSingleton<ServerLimits>();
        services.TryAddSingleton<HttpApiEventAdapter>();
        services.TryAddSingleton<FunctionUrlEventAdapter>();
        services.TryAddSingleton<RestApiEventAdapter>();
        services.TryAddSingleton<AlbEventAdapter>();
        services.TryAddSingleton<DirectInvocationEventAdapter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, HttpEventHandler<HttpApiEventAdapter>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, HttpEventHandler<FunctionUrlEventAdapter>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, HttpEventHandler<RestApiEventAdapter>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, HttpEventHandler<AlbEventAdapter>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, HttpEventHandler<DirectInvocationEventAdapter>>());
    }

    private static void AddLambdaServer(IServiceCollection services)
    {
        services.TryAddSingleton<ILambdaRuntimeClient, LambdaRuntimeClient>();
        services.TryAddSingleton<LambdaInvocationLoop>();
        services.RemoveAll<IServer>();
        services.AddSingleton<IServer, LambdaServer>();
        // First, so that its StartingAsync runs before any other service can fail to start.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LambdaStartupMonitor)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, LambdaStartupMonitor>());
        }
    }

    /// <summary>Outside Lambda, <c>manage &lt;command&gt;</c> runs that command instead of starting Kestrel.</summary>
    private static void AddLocalCommandServer(IServiceCollection services, LocalCommandLine commandLine)
    {
        services.AddSingleton(commandLine);
        services.TryAddSingleton(_ => LocalCommandConsole.Process());
        services.RemoveAll<IServer>();
        services.AddSingleton<IServer, LocalCommandServer>();
    }

    /// <summary>Outside Lambda, <c>invoke &lt;event&gt;</c> runs one event through the Lambda invocation loop instead of starting Kestrel.</summary>
    private static void AddLocalInvokeServer(IServiceCollection services, LocalInvokeLine invokeLine)
    {
        services.AddSingleton(invokeLine);
        services.TryAddSingleton(_ => LocalCommandConsole.Process());
        services.TryAddSingleton<LocalInvocationClient>();
        services.TryAddSingleton<ILambdaRuntimeClient>(sp => sp.GetRequiredService<LocalInvocationClient>());
        services.TryAddSingleton<LambdaInvocationLoop>();
        services.RemoveAll<IServer>();
        services.AddSingleton<IServer, LocalInvokeServer>();
        // Standard output carries only the payload, as `aws lambda invoke` writes only the payload to its file.
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static void AddLambdaLogging(IServiceCollection services, ILambdaEnvironment environment)
    {
        var lambdaLevel = MinimumLevel(environment.GetVariable(LambdaEnvironmentVariables.LogLevel));
        services.AddLogging(logging =>
        {
            logging.AddConsole();
            if (lambdaLevel is { } level) logging.SetMinimumLevel(level);
        });
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(new AspNetCoreLogLevelDefault(lambdaLevel));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, LambdaJsonConsoleFormatter>());
        services.AddOptions<ConsoleLoggerOptions>().Configure<IOptions<ServerlessWebAppOptions>>((console, swa) =>
        {
            if (swa.Value.UseJsonLogging) console.FormatterName = LambdaJsonConsoleFormatter.FormatterName;
        });
    }

    /// <summary>Lambda's advanced logging controls set AWS_LAMBDA_LOG_LEVEL (TRACE, DEBUG, INFO, WARN, ERROR, FATAL).</summary>
    private static LogLevel? MinimumLevel(string? lambdaLevel) => lambdaLevel?.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => null,
    };
}
