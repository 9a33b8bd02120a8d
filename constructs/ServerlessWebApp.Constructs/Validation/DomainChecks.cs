using System.Text.RegularExpressions;
using Amazon.CDK;
using Serverless.WebApp.Constructs.FrontDoor;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The custom domain (<c>Domain</c>): an API to map it to, a valid name, a certificate or a zone to make one, the base path and mutual TLS.</summary>
internal static partial class DomainChecks
{
    private const string Owner = "Domain";

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.Domain is not { } domain) return;
        var kind = FrontDoorDefaults.Kind(props);
        if (kind is not (FrontDoorKind.HttpApi or FrontDoorKind.RestApi))
        {
            findings.Error(Owner, kind == FrontDoorKind.FunctionUrl
                ? "is set but FrontDoor is FunctionUrl, which API Gateway custom domains cannot point at; allowed: FrontDoor HttpApi or RestApi (or CloudFront with the domain in front of the function URL)"
                : "is set but FrontDoor is None (no entry point to put a domain on); allowed: FrontDoor HttpApi or RestApi");
        }

        CheckName(findings, domain);
        if (domain.Certificate is null && domain.HostedZone is null)
            findings.Error($"{Owner}.Certificate", "is required without Domain.HostedZone; allowed: an ACM certificate for the name in the stack's region, or a Domain.HostedZone to create a DNS-validated one");
        if (domain.BasePath is { } basePath && !BasePath().IsMatch(basePath))
            findings.Error($"{Owner}.BasePath", $"'{basePath}' is invalid; allowed: 1 to 64 letters, digits, '-', '.', '_' or '~' (one path segment, no '/')");

        var hasBucket = domain.TruststoreBucket is not null;
        var hasKey = !string.IsNullOrEmpty(domain.TruststoreKey);
        if (hasBucket != hasKey)
            findings.Error(hasBucket ? $"{Owner}.TruststoreKey" : $"{Owner}.TruststoreBucket", "is required for mutual TLS; allowed: both Domain.TruststoreBucket and Domain.TruststoreKey, or neither");
        if (domain.TruststoreVersion is not null && !(hasBucket && hasKey))
            findings.Error($"{Owner}.TruststoreVersion", "is set without a truststore; allowed: only with Domain.TruststoreBucket and Domain.TruststoreKey");
        if (domain.DisableDefaultEndpoint == false && hasBucket && hasKey)
            findings.Warning(ServerlessWebAppWarnings.MutualTlsBypassable,
                "Domain.DisableDefaultEndpoint = false with mutual TLS: the API's execute-api endpoint does not ask for client certificates, so callers can go around the custom domain.");
    }

    private static void CheckName(Findings findings, ServerlessWebAppDomainProps domain)
    {
        var name = domain.DomainName;
        if (string.IsNullOrEmpty(name))
        {
            findings.Error($"{Owner}.DomainName", "is required; allowed: a fully qualified domain name such as api.example.com");
            return;
        }
        if (Token.IsUnresolved(name)) return;
        if (name.Length > 253 || !DomainName().IsMatch(name))
        {
            findings.Error($"{Owner}.DomainName", $"'{name}' is invalid; allowed: 2 or more labels of 1 to 63 letters, digits or '-' (not at a label's start or end), at most 253 characters, no wildcard");
            return;
        }
        if (domain.HostedZone?.ZoneName is { } zone && !Token.IsUnresolved(zone))
        {
            var zoneName = zone.TrimEnd('.');
            if (!name.Equals(zoneName, StringComparison.OrdinalIgnoreCase) && !name.EndsWith("." + zoneName, StringComparison.OrdinalIgnoreCase))
                findings.Error($"{Owner}.DomainName", $"'{name}' is not in Domain.HostedZone '{zoneName}'; allowed: the zone's name or a name under it");
        }
    }

    [GeneratedRegex(@"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^[A-Za-z0-9._~-]{1,64}$")]
    private static partial Regex BasePath();
}
