using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Constructs;
using V1 = Amazon.CDK.AWS.APIGateway;
using V2 = Amazon.CDK.AWS.Apigatewayv2;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// A regional API Gateway custom domain with TLS 1.2 as the minimum: the certificate (supplied, or created and
/// validated through DNS in the hosted zone), optional mutual TLS, the mapping to the API's stage under the base path,
/// the alias record when there is a zone, and the custom URL as a stack output.
/// </summary>
internal static class DomainBuilder
{
    public static CustomDomainParts ForHttpApi(ServerlessWebApp scope, ServerlessWebAppDomainProps domain, V2.HttpApi api, V2.HttpStage stage)
    {
        var certificate = Certificate(scope, domain);
        var domainName = new V2.DomainName(scope, "Domain", new V2.DomainNameProps
        {
            DomainName = domain.DomainName!,
            Certificate = certificate,
            EndpointType = V2.EndpointType.REGIONAL,
            SecurityPolicy = V2.SecurityPolicy.TLS_1_2,
            Mtls = DomainDefaults.MutualTls(domain)
                ? new V2.MTLSConfig { Bucket = domain.TruststoreBucket!, Key = domain.TruststoreKey!, Version = domain.TruststoreVersion }
                : null,
        });
        _ = new V2.ApiMapping(scope, "DomainMapping", new V2.ApiMappingProps
        {
            Api = api,
            DomainName = domainName,
            Stage = stage,
            ApiMappingKey = string.IsNullOrEmpty(domain.BasePath) ? null : domain.BasePath,
        });
        var record = Record(scope, domain, () => new ApiGatewayv2DomainProperties(domainName.RegionalDomainName, domainName.RegionalHostedZoneId), domainName.RegionalDomainName);
        return Output(scope, domain, new CustomDomainParts(DomainDefaults.Url(domain), certificate, domainName, null, record));
    }

    public static CustomDomainParts ForRestApi(ServerlessWebApp scope, ServerlessWebAppDomainProps domain, V1.RestApi api)
    {
        var certificate = Certificate(scope, domain);
        var domainName = new V1.DomainName_(scope, "Domain", new V1.DomainNameProps
        {
            DomainName = domain.DomainName!,
            Certificate = certificate,
            EndpointType = V1.EndpointType.REGIONAL,
            SecurityPolicy = V1.SecurityPolicy.TLS_1_2,
            Mtls = DomainDefaults.MutualTls(domain)
                ? new V1.MTLSConfig { Bucket = domain.TruststoreBucket!, Key = domain.TruststoreKey!, Version = domain.TruststoreVersion }
                : null,
        });
        _ = new V1.BasePathMapping(scope, "DomainMapping", new V1.BasePathMappingProps
        {
            DomainName = domainName,
            RestApi = api,
            Stage = api.DeploymentStage,
            BasePath = string.IsNullOrEmpty(domain.BasePath) ? null : domain.BasePath,
        });
        var record = Record(scope, domain, () => new ApiGatewayDomain(domainName), domainName.DomainNameAliasDomainName);
        return Output(scope, domain, new CustomDomainParts(DomainDefaults.Url(domain), certificate, null, domainName, record));
    }

    private static ICertificate Certificate(Construct scope, ServerlessWebAppDomainProps domain) =>
        domain.Certificate ?? new Certificate(scope, "DomainCertificate", new CertificateProps
        {
            DomainName = domain.DomainName!,
            Validation = CertificateValidation.FromDns(domain.HostedZone),
        });

    /// <summary>The alias record in the zone; without a zone, the name to point a CNAME at becomes an output instead.</summary>
    private static ARecord? Record(Construct scope, ServerlessWebAppDomainProps domain, Func<IAliasRecordTarget> target, string regionalName)
    {
        if (domain.HostedZone is not { } zone)
        {
            _ = new CfnOutput(scope, "CustomDomainTarget", new CfnOutputProps
            {
                Value = regionalName,
                Description = $"Point {domain.DomainName} at this name (a CNAME record in your DNS)",
            });
            return null;
        }
        return new ARecord(scope, "DomainRecord", new ARecordProps
        {
            Zone = zone,
            RecordName = domain.DomainName!,
            Target = RecordTarget.FromAlias(target()),
            Comment = $"{domain.DomainName} to its API Gateway custom domain",
        });
    }

    private static CustomDomainParts Output(ServerlessWebApp scope, ServerlessWebAppDomainProps domain, CustomDomainParts parts)
    {
        _ = new CfnOutput(scope, "CustomUrl", new CfnOutputProps { Value = parts.Url, Description = $"{scope.NodePath} URL on {domain.DomainName}" });
        return parts;
    }
}
