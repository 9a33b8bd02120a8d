using System.Text.Json;
using FoundryService.ComputeDna;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FoundryService.Results;

/// <summary>Results in a local SQLite file, one row per task.</summary>
public sealed class SqliteDnaResultStore : IDnaResultStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private bool _schemaReady;

    public SqliteDnaResultStore(IOptions<FoundryOptions> options, IHostEnvironment environment)
    {
        // Inside Lambda only /tmp is writable (and not durable: set ResultsTable there).
        var folder = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } ? Path.GetTempPath() : environment.ContentRootPath;
        var path = options.Value.ResultsDatabasePath ?? Path.Combine(folder, "foundry-results.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    public async Task SaveAsync(string taskId, DnaAnalysis analysis, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO dna_results (task_id, result_json, stored_at) VALUES ($id, $json, $at)";
        command.Parameters.AddWithValue("$id", taskId);
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(analysis, FoundryJsonContext.Default.DnaAnalysis));
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DnaAnalysis?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT result_json FROM dna_results WHERE task_id = $id";
        command.Parameters.AddWithValue("$id", taskId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize(json, FoundryJsonContext.Default.DnaAnalysis)
            : null;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (_schemaReady) return connection;
        await _schema.WaitAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS dna_results (task_id TEXT PRIMARY KEY, result_json TEXT NOT NULL, stored_at TEXT NOT NULL)";
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schema.Release();
        }
        return connection;
    }
}
