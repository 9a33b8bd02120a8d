using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// The client certificate API Gateway verified on a mutual-TLS custom domain (<c>clientCertPem</c> in the request
/// context), as <c>HttpContext.Connection.ClientCertificate</c>. Parsed when first asked for; a PEM that does not hold
/// a certificate gives none.
/// </summary>
internal sealed class LambdaTlsConnectionFeature : ITlsConnectionFeature
{
    private string? _pem;
    private X509Certificate2? _certificate;
    private bool _parsed;

    public X509Certificate2? ClientCertificate
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                _certificate = Parse(_pem);
            }
            return _certificate;
        }
        set
        {
            _parsed = true;
            _certificate = value;
        }
    }

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(ClientCertificate);

    public void Reset(string pem)
    {
        _pem = pem;
        _certificate = null;
        _parsed = false;
    }

    /// <summary>Releases the certificate of the finished request.</summary>
    public void Clear()
    {
        _certificate?.Dispose();
        _certificate = null;
        _pem = null;
        _parsed = false;
    }

    private static X509Certificate2? Parse(string? pem)
    {
        if (pem is null || !PemEncoding.TryFind(pem, out var fields) || !pem.AsSpan()[fields.Label].SequenceEqual("CERTIFICATE")) return null;
        var base64 = pem.AsSpan()[fields.Base64Data];
        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(base64, der, out var written)) return null;
        try
        {
            return X509CertificateLoader.LoadCertificate(der.AsSpan(0, written));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
