using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>The client certificate of a mutual-TLS custom domain, as API Gateway puts it in the request context.</summary>
internal sealed record MutualTls(X509Certificate2 Certificate)
{
    public JsonObject ClientCertJson() => new()
    {
        ["clientCertPem"] = Certificate.ExportCertificatePem(),
        ["subjectDN"] = Certificate.Subject,
        ["issuerDN"] = Certificate.Issuer,
        ["serialNumber"] = Certificate.SerialNumber,
        ["validity"] = new JsonObject
        {
            ["notBefore"] = Certificate.NotBefore.ToUniversalTime().ToString("MMM d HH:mm:ss yyyy 'GMT'", System.Globalization.CultureInfo.InvariantCulture),
            ["notAfter"] = Certificate.NotAfter.ToUniversalTime().ToString("MMM d HH:mm:ss yyyy 'GMT'", System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
