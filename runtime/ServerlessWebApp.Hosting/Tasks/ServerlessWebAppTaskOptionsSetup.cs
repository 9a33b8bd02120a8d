using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>Binds <see cref="ServerlessWebAppTaskOptions"/> from the environment variables the construct sets.</summary>
internal sealed class ServerlessWebAppTaskOptionsSetup : IConfigureOptions<ServerlessWebAppTaskOptions>
{
    private const string LambdaRuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    private readonly IConfiguration _configuration;

    public ServerlessWebAppTaskOptionsSetup(IConfiguration configuration) => _configuration = configuration;

    public void Configure(ServerlessWebAppTaskOptions options)
    {
        options.RunsOnLambda = !string.IsNullOrEmpty(_configuration[LambdaRuntimeApi]);
        options.FunctionRole ??= NonEmpty(SwaEnvironment.FunctionRole);
        options.QueueUrl ??= NonEmpty(SwaEnvironment.TaskQueueUrl);
        options.StatusTable ??= NonEmpty(SwaEnvironment.TaskStatusTable);
        options.PayloadBucket ??= NonEmpty(SwaEnvironment.TaskPayloadBucket);
    }

    private string? NonEmpty(string name) => _configuration[name] is { Length: > 0 } value ? value : null;
}
