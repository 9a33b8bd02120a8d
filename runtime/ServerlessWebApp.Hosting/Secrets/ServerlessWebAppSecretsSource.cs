using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Configuration;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Secrets;

/// <summary>
/// Reads the app's secrets (SSM parameters, and Secrets Manager secrets through Parameter Store's
/// <c>/aws/reference/secretsmanager/</c> path) into configuration keys, in one <c>GetParameters</c> batch at start.
/// Added with <c>builder.Configuration.AddServerlessWebAppSecrets()</c>.
/// </summary>
public sealed class ServerlessWebAppSecretsSource : IConfigurationSource
{
    /// <summary>
    /// Configuration key → Parameter Store name. Default: empty, which means the entries the construct put in
    /// <c>SWA_SECRETS</c>; with neither (outside Lambda) the source adds nothing and the usual sources apply.
    /// </summary>
    public IDictionary<string, string> Secrets { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How often the values are read again; a changed value raises the configuration's reload token (for
    /// <c>IOptionsMonitor</c>). A failed refresh keeps the values read last. Default: null, read once at start.
    /// </summary>
    public TimeSpan? RefreshInterval { get; set; }

    /// <summary>Called with the error of a failed refresh (the message names keys and parameters, never values). Default: none.</summary>
    public Action<Exception>? OnRefreshError { get; set; }

    /// <summary>Creates the Parameter Store client. Default: <c>new AmazonSimpleSystemsManagementClient()</c> (the function's role and region).</summary>
    public Func<IAmazonSimpleSystemsManagement> ClientFactory { get; set; } = () => new AmazonSimpleSystemsManagementClient();

    /// <summary>The clock of the refresh timer. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Creates the provider that reads <see cref="Secrets"/> (or the construct's <c>SWA_SECRETS</c> entries).</summary>
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        var secrets = Secrets.Count > 0
            ? new Dictionary<string, string>(Secrets, StringComparer.OrdinalIgnoreCase)
            : SecretEntries.Parse(Environment.GetEnvironmentVariable(SwaEnvironment.Secrets));
        return new ServerlessWebAppSecretsProvider(secrets, this);
    }
}
