using Microsoft.Data.Sqlite;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>A local SQLite task database file of its own in the temp folder, deleted with its WAL files on dispose.</summary>
internal sealed class TemporaryTaskDatabase(string name) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"swa-{name}-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}
