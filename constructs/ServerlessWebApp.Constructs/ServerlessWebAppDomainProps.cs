using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// A custom domain for the HTTP or REST API of a <see cref="ServerlessWebApp"/> (<see cref="ServerlessWebAppProps.Domain"/>):
/// a regional API Gateway domain name with TLS 1.2 as the minimum, mapped to the API's stage, with an ACM certificate
/// (supplied, or created and validated through DNS in <see cref="HostedZone"/>) and, when a hosted zone is given, the
/// alias record. The custom URL is a stack output and <see cref="ServerlessWebApp.CustomDomainUrl"/>. Not available on a
/// function URL or without a front door. Cost: custom domain names, public ACM certificates and alias queries to an API
/// are free; the hosted zone is supplied, not created (Route 53 bills $0.50 a month per zone where it is created).
/// </summary>
public sealed class ServerlessWebAppDomainProps
{
    /// <summary>
    /// The fully qualified domain name, e.g. <c>api.example.com</c>: 2 to 127 labels of letters, digits and <c>-</c>, at
    /// most 253 characters, no wildcard. Required.
    /// </summary>
    public string? DomainName { get; set; }

    /// <summary>
    /// An existing ACM certificate for <see cref="DomainName"/>, in the stack's region. At least one of this and
    /// <see cref="HostedZone"/> is required. Default: a certificate created here and validated through DNS records in
    /// <see cref="HostedZone"/> (free; the stack waits until ACM has validated it).
    /// </summary>
    public ICertificate? Certificate { get; set; }

    /// <summary>
    /// The Route 53 public hosted zone that holds <see cref="DomainName"/>: the construct creates the alias (A) record
    /// there, and validates a created certificate through it. Without it, point the name at the
    /// <c>CustomDomainTarget</c> stack output yourself (a CNAME). Default: none.
    /// </summary>
    public IHostedZone? HostedZone { get; set; }

    /// <summary>
    /// The first path segment under the domain the API answers at, e.g. <c>api</c> (1 to 64 letters, digits, <c>-</c>,
    /// <c>.</c>, <c>_</c> and <c>~</c>, no <c>/</c>), so several APIs can share one domain. The app sees it as its
    /// <c>PathBase</c>. Default: none (the domain's root).
    /// </summary>
    public string? BasePath { get; set; }

    /// <summary>
    /// Bucket that holds the truststore for mutual TLS (a PEM bundle of the certificate authorities whose client
    /// certificates are accepted). Together with <see cref="TruststoreKey"/> it turns mutual TLS on: API Gateway then
    /// refuses a client without a certificate from those authorities. Default: none (no mutual TLS).
    /// </summary>
    public IBucket? TruststoreBucket { get; set; }

    /// <summary>Object key of the truststore in <see cref="TruststoreBucket"/>, e.g. <c>truststore.pem</c>. Default: none.</summary>
    public string? TruststoreKey { get; set; }

    /// <summary>Object version of the truststore (a versioned bucket), so a new truststore is a deliberate change. Default: the latest version.</summary>
    public string? TruststoreVersion { get; set; }

    /// <summary>
    /// Whether the API's own <c>execute-api</c> endpoint is turned off, so the custom domain is the only way in. True
    /// is what makes mutual TLS binding (the default endpoint does not ask for client certificates).
    /// Default: true with mutual TLS, false otherwise.
    /// </summary>
    public bool? DisableDefaultEndpoint { get; set; }
}
