using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Local;

/// <summary>One Kestrel-hosted sample for a test class, with its own data folder, killed and removed at the end.</summary>
public sealed class LocalSampleFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("swa-e2e-local-").FullName;

    public LocalSample Sample { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Sample = await LocalSample.StartAsync(await SamplePublisher.PublishAsync(PublishMode.FrameworkDependent), _data);

    public async Task DisposeAsync()
    {
        if (Sample is not null) await Sample.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
