using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// The parity app on Kestrel and behind the bridge, started once for all parity tests, with a static-file folder and
/// the certificates both need. Kestrel's answer to each request is asked once and kept.
/// </summary>
public sealed class ParityFixture : IAsyncLifetime
{
    internal static readonly IReadOnlyList<IFrontDoor> FrontDoors =
    [
        new RestApiFrontDoor(), new HttpApiFrontDoor(), new FunctionUrlFrontDoor(), new AlbFrontDoor(multiValue: false), new AlbFrontDoor(multiValue: true),
    ];

    private readonly ConcurrentDictionary<(string Name, string Host, bool Tls), Task<ClientResponse>> _kestrelAnswers = new();
    private X509Certificate2 _serverCertificate = null!;
    private readonly string _staticFolder = Path.Combine(Path.GetTempPath(), "swa-parity-" + Guid.NewGuid().ToString("N"));

    internal KestrelOracle Kestrel { get; private set; } = null!;

    internal BridgeUnderTest Bridge { get; private set; } = null!;

    internal X509Certificate2 ClientCertificate { get; private set; } = null!;

    internal static IFrontDoor FrontDoor(FrontDoorKind kind) => FrontDoors.Single(f => f.Kind == kind);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_staticFolder);
        WriteStatic("hello.txt", Encoding.UTF8.GetBytes("Hello from a static file.\n"));
        WriteStatic("logo.png", ParityApp.BinaryPayload[..4096]);
        _serverCertificate = TestCertificates.Create("CN=localhost", server: true);
        ClientCertificate = TestCertificates.Create("CN=parity-client, O=Serverless WebApp Tests", server: false);
        Kestrel = await KestrelOracle.StartAsync(_staticFolder, _serverCertificate, ClientCertificate);
        Bridge = await BridgeUnderTest.StartAsync(_staticFolder);
    }

    internal Task<ClientResponse> KestrelAnswerAsync(ParityRequest request, string host, bool withClientCertificate = false) =>
        _kestrelAnswers.GetOrAdd((request.Name, host, withClientCertificate), _ => Kestrel.SendAsync(request, host, withClientCertificate));

    public async Task DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await Kestrel.DisposeAsync();
        ClientCertificate.Dispose();
        _serverCertificate.Dispose();
        Directory.Delete(_staticFolder, recursive: true);
    }

    private void WriteStatic(string name, byte[] content)
    {
        var path = Path.Combine(_staticFolder, name);
        File.WriteAllBytes(path, content);
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));
    }
}
