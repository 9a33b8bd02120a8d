using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Serverless.WebApp.Hosting.Tasks.Local;

/// <summary>The local task database: one SQLite file (WAL) holding the queue and the task status, created on first use.</summary>
internal sealed class SqliteTaskDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS task_messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id TEXT NOT NULL,
            body BLOB NOT NULL,
            receive_count INTEGER NOT NULL DEFAULT 0,
            visible_at INTEGER NOT NULL,
            in_flight INTEGER NOT NULL DEFAULT 0,
            dead INTEGER NOT NULL DEFAULT 0,
            last_error TEXT);
        CREATE INDEX IF NOT EXISTS task_messages_due ON task_messages (dead, in_flight, visible_at);
        CREATE TABLE IF NOT EXISTS task_status (
            task_id TEXT PRIMARY KEY,
            task_name TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            started_at TEXT,
            completed_at TEXT,
            result TEXT,
            error TEXT,
            lease_until INTEGER,
            expires_at INTEGER NOT NULL);
        """;

    private readonly string _connectionString;
    private readonly Lazy<bool> _created;

    public SqliteTaskDatabase(IOptions<ServerlessWebAppTaskOptions> options, IHostEnvironment environment)
    {
        var path = options.Value.LocalDatabasePath is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured, environment.ContentRootPath)
            : DefaultPath(environment);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        }.ToString();
        _created = new Lazy<bool>(CreateSchema, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }

    /// <summary>
    /// <c>&lt;local application data&gt;/ServerlessWebApp/&lt;app name&gt;-&lt;folder hash&gt;/tasks.db</c>: per user, per app and
    /// per app folder, and never inside the project, whose files are the deployment's source (a database there would
    /// change the asset hash and republish the app on the next synth).
    /// </summary>
    internal static string DefaultPath(IHostEnvironment environment)
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root)) root = System.IO.Path.GetTempPath();
        var folder = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(environment.ContentRootPath));
        var folderHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..8].ToLowerInvariant();
        return System.IO.Path.Combine(root, "ServerlessWebApp", $"{environment.ApplicationName}-{folderHash}", "tasks.db");
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        _ = _created.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private bool CreateSchema()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000;" + Schema;
        command.ExecuteNonQuery();
        return true;
    }
}
