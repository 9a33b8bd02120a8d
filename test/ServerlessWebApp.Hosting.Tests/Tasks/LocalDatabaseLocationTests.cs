using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Local;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>Where the local task database lives: never in the project folder, whose files are the deployment's source.</summary>
public sealed class LocalDatabaseLocationTests
{
    [Fact]
    public void ByDefaultTheDatabaseIsPerUserAndAppOutsideTheContentRoot()
    {
        var project = Path.Combine(Path.GetTempPath(), "projects", "Acme.Orders");
        var database = Database(project, "Acme.Orders", configured: null);

        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        Assert.StartsWith(Path.Combine(localData, "ServerlessWebApp", "Acme.Orders-"), database.Path);
        Assert.Equal("tasks.db", Path.GetFileName(database.Path));
        Assert.False(database.Path.StartsWith(project + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Fact]
    public void TwoCopiesOfTheSameAppKeepTheirOwnQueues()
    {
        var first = Database(Path.Combine(Path.GetTempPath(), "clone-1", "Acme.Orders"), "Acme.Orders", configured: null);
        var again = Database(Path.Combine(Path.GetTempPath(), "clone-1", "Acme.Orders"), "Acme.Orders", configured: null);
        var second = Database(Path.Combine(Path.GetTempPath(), "clone-2", "Acme.Orders"), "Acme.Orders", configured: null);

        Assert.Equal(first.Path, again.Path);
        Assert.NotEqual(first.Path, second.Path);
    }

    [Fact]
    public void AConfiguredRelativePathIsRelativeToTheContentRoot()
    {
        var project = Path.Combine(Path.GetTempPath(), "projects", "Acme.Orders");

        var database = Database(project, "Acme.Orders", configured: Path.Combine("data", "queue.db"));

        Assert.Equal(Path.Combine(project, "data", "queue.db"), database.Path);
    }

    private static SqliteTaskDatabase Database(string contentRoot, string applicationName, string? configured) => new(
        Options.Create(new ServerlessWebAppTaskOptions { LocalDatabasePath = configured }),
        new HostEnvironment(contentRoot, applicationName));

    private sealed class HostEnvironment(string contentRoot, string applicationName) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = applicationName;
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
