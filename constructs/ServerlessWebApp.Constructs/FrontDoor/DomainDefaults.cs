namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>Pure defaults of <c>Domain</c> (documented on <see cref="ServerlessWebAppDomainProps"/>).</summary>
internal static class DomainDefaults
{
    public static bool MutualTls(ServerlessWebAppDomainProps domain) => domain.TruststoreBucket is not null && !string.IsNullOrEmpty(domain.TruststoreKey);

    /// <summary>Off with mutual TLS, which the default endpoint would let callers go around.</summary>
    public static bool DisableDefaultEndpoint(ServerlessWebAppProps props) =>
        props.Domain is { } domain && (domain.DisableDefaultEndpoint ?? MutualTls(domain));

    /// <summary><c>https://name/</c>, or <c>https://name/basePath/</c>.</summary>
    public static string Url(ServerlessWebAppDomainProps domain) =>
        $"https://{domain.DomainName}/" + (string.IsNullOrEmpty(domain.BasePath) ? "" : domain.BasePath + "/");
}
