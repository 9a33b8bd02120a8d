using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>What the custom domain builder created: the API Gateway domain name (HTTP or REST), its certificate, mapping and record.</summary>
internal sealed record CustomDomainParts(
    string Url,
    ICertificate Certificate,
    Amazon.CDK.AWS.Apigatewayv2.DomainName? HttpDomainName,
    Amazon.CDK.AWS.APIGateway.DomainName_? RestDomainName,
    ARecord? Record);
