using Serverless.WebApp.Hosting.Secrets;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds the app's secrets to configuration.</summary>
public static class ServerlessWebAppSecretsConfigurationExtensions
{
    /// <summary>
    /// Reads the secrets the construct's <c>Secrets</c> prop names into the configuration keys it names
    /// (<c>builder.Configuration["Db:Password"]</c>): SSM parameters and Secrets Manager secrets, through Parameter Store,
    /// in one batch when the configuration is built. Added last, they override appsettings and environment variables.
    /// Outside Lambda (no <c>SWA_SECRETS</c>) nothing is read and user secrets, environment variables and appsettings
    /// apply as usual. A secret that cannot be read stops the app at start with an error naming its key and parameter.
    /// </summary>
    public static IConfigurationBuilder AddServerlessWebAppSecrets(this IConfigurationBuilder builder,
        Action<ServerlessWebAppSecretsSource>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var source = new ServerlessWebAppSecretsSource();
        configure?.Invoke(source);
        return builder.Add(source);
    }
}
