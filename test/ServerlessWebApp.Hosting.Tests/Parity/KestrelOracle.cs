using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// The parity app on Kestrel — HTTPS with optional client certificates on 127.0.0.1:0, and plain HTTP for requests
/// no HTTP client library will send — and real <see cref="HttpClient"/>s that send requests exactly as written.
/// </summary>
internal sealed class KestrelOracle : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly HttpClient _mutualTlsClient;
    private readonly Uri _https;
    private readonly int _httpPort;

    private KestrelOracle(WebApplication app, HttpClient client, HttpClient mutualTlsClient, Uri https, int httpPort)
    {
        _app = app;
        _client = client;
        _mutualTlsClient = mutualTlsClient;
        _https = https;
        _httpPort = httpPort;
    }

    public CompletionSignals Signals => _app.Services.GetRequiredService<CompletionSignals>();

    public static async Task<KestrelOracle> StartAsync(string staticFolder, X509Certificate2 serverCertificate, X509Certificate2 clientCertificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, new FakeLambdaEnvironment());
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = serverCertificate,
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                ClientCertificateValidation = (_, _, _) => true,
            }));
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        ParityApp.AddServices(builder.Services);
        var app = builder.Build();
        ParityApp.Configure(app, staticFolder);
        await app.StartAsync();

        var addresses = app.Urls.Select(u => new Uri(u)).ToArray();
        var https = addresses.Single(u => u.Scheme == "https");
        var http = addresses.Single(u => u.Scheme == "http");
        return new KestrelOracle(app, Client(null), Client(clientCertificate), https, http.Port);
    }

    /// <summary>Sends the request as written (no path canonicalisation) with the given Host, and reads the whole answer.</summary>
    public async Task<ClientResponse> SendAsync(ParityRequest request, string host, bool withClientCertificate)
    {
        var uri = new Uri(_https.GetLeftPart(UriPartial.Authority) + request.Target,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        message.Headers.Host = host;
        if (request.Body is not null) message.Content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) message.Content!.Headers.TryAddWithoutValidation(name, value);
            else message.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await (withClientCertificate ? _mutualTlsClient : _client).SendAsync(message);
            var body = await response.Content.ReadAsByteArrayAsync();
            var headers = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
                .SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v)))
                .ToList();
            return new ClientResponse((int)response.StatusCode, headers, body);
        }
        catch (HttpRequestException ex) when (EndedEarly(ex))
        {
            return ClientResponse.Failure($"Kestrel ended the connection without a complete response: {ex.Message}");
        }
    }

    /// <summary>Writes <paramref name="requestHead"/> on a bare socket to the plain-HTTP endpoint and returns the status Kestrel answers.</summary>
    public async Task<int> SendRawAsync(string requestHead)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _httpPort);
        await socket.SendAsync(Encoding.UTF8.GetBytes(requestHead));
        var buffer = new byte[4096];
        var received = 0;
        while (received < buffer.Length && buffer.AsSpan(0, received).IndexOf("\r\n"u8) < 0)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(received));
            if (read == 0) break;
            received += read;
        }
        var statusLine = Encoding.ASCII.GetString(buffer, 0, received).Split("\r\n")[0];
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _mutualTlsClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Kestrel ended or reset the connection before the response was complete — not a failure to connect or to
    /// negotiate TLS, which would be the test's fault.
    /// </summary>
    private static bool EndedEarly(HttpRequestException exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }) return true;
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset }) return true;
        }
        return exception.HttpRequestError == HttpRequestError.ResponseEnded;
    }

    private static HttpClient Client(X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
