using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Tasks.Aws;
using Serverless.WebApp.Hosting.Tasks.Local;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>Registers tasks and scheduled tasks; called by <c>AddServerlessWebApp()</c>.</summary>
internal static class TaskServiceCollectionExtensions
{
    /// <summary>
    /// On Lambda the queue is SQS and status lives in DynamoDB (when a table is configured); off Lambda both live in the
    /// local SQLite file and <see cref="LocalTaskWorker"/> runs the tasks. AWS clients registered before this call win.
    /// </summary>
    internal static IServiceCollection AddServerlessWebAppTasks(this IServiceCollection services)
    {
        services.AddOptions<ServerlessWebAppTaskOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ServerlessWebAppTaskOptions>, ServerlessWebAppTaskOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServerlessWebAppTaskOptions>, ServerlessWebAppTaskOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TaskRegistry>();
        services.TryAddSingleton<TaskMessageFactory>();
        services.TryAddSingleton<TaskRunner>();

        // Created on first use only, so an app that runs locally never looks for AWS credentials.
        services.TryAddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
        services.TryAddSingleton<IAmazonS3>(_ => new AmazonS3Client());
        services.TryAddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
        services.TryAddSingleton<ITaskPayloadStore, S3TaskPayloadStore>();

        services.TryAddSingleton<SqliteTaskDatabase>();
        services.TryAddSingleton<SqliteTaskMessageStore>();
        services.TryAddSingleton<LocalTaskSignal>();
        services.TryAddSingleton<ITaskStatusWriter>(ResolveStatusStore);
        services.TryAddSingleton(sp => (ITaskStatusStore)sp.GetRequiredService<ITaskStatusWriter>());
        services.TryAddSingleton<ITaskQueue>(sp => sp.GetRequiredService<IOptions<ServerlessWebAppTaskOptions>>().Value.RunsOnLambda
            ? ActivatorUtilities.CreateInstance<SqsTaskQueue>(sp)
            : ActivatorUtilities.CreateInstance<LocalTaskQueue>(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalTaskWorker>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, SqsTaskBatchHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaEventHandler, ScheduledTaskHandler>());
        return services;
    }

    private static ITaskStatusWriter ResolveStatusStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ServerlessWebAppTaskOptions>>().Value;
        if (!options.RunsOnLambda) return ActivatorUtilities.CreateInstance<SqliteTaskStatusStore>(services);
        return options.StatusTable is null
            ? new UntrackedTaskStatusStore()
            : ActivatorUtilities.CreateInstance<DynamoDbTaskStatusStore>(services);
    }
}
