using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Serverless.WebApp.Hosting.Tasks.Local;

/// <summary>Task status off Lambda, in the local task database; the same transitions as the DynamoDB store.</summary>
internal sealed class SqliteTaskStatusStore : ITaskStatusStore, ITaskStatusWriter
{
    private readonly SqliteTaskDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ServerlessWebAppTaskOptions _options;

    public SqliteTaskStatusStore(SqliteTaskDatabase database, TimeProvider clock, IOptions<ServerlessWebAppTaskOptions> options)
    {
        _database = database;
        _clock = clock;
        _options = options.Value;
    }

    public bool IsTracking => true;

    public async Task<TaskStatusRecord?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT task_id, task_name, state, attempts, created_at, updated_at, started_at, completed_at, result, error, expires_at
            FROM task_status WHERE task_id = $id AND expires_at > $now
            """;
        command.Parameters.AddWithValue("$id", taskId);
        command.Parameters.AddWithValue("$now", _clock.GetUtcNow().ToUnixTimeSeconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new TaskStatusRecord(
            reader.GetString(0), reader.GetString(1), TaskStateNames.Parse(reader.GetString(2)), reader.GetInt32(3),
            ParseTime(reader.GetString(4)), ParseTime(reader.GetString(5)), OptionalTime(reader, 6), OptionalTime(reader, 7),
            reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
            DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(10)));
    }

    /// <summary>Deletes records past their time-to-live, as DynamoDB's TTL does for the table.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM task_status WHERE expires_at <= $nowSeconds",
            command => command.Parameters.AddWithValue("$nowSeconds", _clock.GetUtcNow().ToUnixTimeSeconds()), cancellationToken);

    public async Task<bool> TryCreateAsync(string taskId, string taskName, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        // An expired record no longer deduplicates: it is replaced.
        var changed = await ExecuteAsync("""
            INSERT INTO task_status (task_id, task_name, state, attempts, created_at, updated_at, expires_at)
            VALUES ($id, $name, $received, 0, $now, $now, $expires)
            ON CONFLICT (task_id) DO UPDATE SET task_name = $name, state = $received, attempts = 0, created_at = $now,
                updated_at = $now, started_at = NULL, completed_at = NULL, result = NULL, error = NULL, expires_at = $expires
            WHERE expires_at <= $nowSeconds
            """, command =>
        {
            command.Parameters.AddWithValue("$id", taskId);
            command.Parameters.AddWithValue("$name", taskName);
            command.Parameters.AddWithValue("$received", TaskStateNames.Received);
            AddTimes(command, now);
        }, cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    public Task RemoveReceivedAsync(string taskId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM task_status WHERE task_id = $id AND state = $received", command =>
        {
            command.Parameters.AddWithValue("$id", taskId);
            command.Parameters.AddWithValue("$received", TaskStateNames.Received);
        }, cancellationToken);

    public async Task<TaskBeginOutcome> BeginAsync(string taskId, string taskName, DateTimeOffset? leaseUntil,
        CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO task_status (task_id, task_name, state, attempts, created_at, updated_at, started_at, lease_until, expires_at)
            VALUES ($id, $name, $inProgress, 1, $now, $now, $now, $lease, $expires)
            ON CONFLICT (task_id) DO UPDATE SET task_name = $name, state = $inProgress, attempts = attempts + 1,
                started_at = $now, updated_at = $now, lease_until = $lease, expires_at = $expires
            WHERE state <> $done AND (state <> $inProgress OR lease_until IS NULL OR lease_until < $nowMs)
            RETURNING attempts
            """;
        command.Parameters.AddWithValue("$id", taskId);
        command.Parameters.AddWithValue("$name", taskName);
        command.Parameters.AddWithValue("$inProgress", TaskStateNames.InProgress);
        command.Parameters.AddWithValue("$done", TaskStateNames.Done);
        command.Parameters.AddWithValue("$lease", (object?)leaseUntil?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$nowMs", now.ToUnixTimeMilliseconds());
        AddTimes(command, now);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long attempts)
        {
            return TaskBeginOutcome.Started((int)attempts);
        }
        var current = await GetAsync(taskId, cancellationToken).ConfigureAwait(false);
        return current is { State: TaskState.Done } ? TaskBeginOutcome.Done : TaskBeginOutcome.HeldByAnother;
    }

    public Task CompleteAsync(string taskId, string? resultJson, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE task_status SET state = $done, completed_at = $now, updated_at = $now, expires_at = $expires,
                result = $result, error = NULL, lease_until = NULL
            WHERE task_id = $id
            """, command =>
        {
            command.Parameters.AddWithValue("$id", taskId);
            command.Parameters.AddWithValue("$done", TaskStateNames.Done);
            command.Parameters.AddWithValue("$result", (object?)resultJson ?? DBNull.Value);
            AddTimes(command, _clock.GetUtcNow());
        }, cancellationToken);

    public Task FailAsync(string taskId, string taskName, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO task_status (task_id, task_name, state, attempts, created_at, updated_at, completed_at, error, expires_at)
            VALUES ($id, $name, $failed, 0, $now, $now, $now, $error, $expires)
            ON CONFLICT (task_id) DO UPDATE SET state = $failed, error = $error, completed_at = $now, updated_at = $now,
                lease_until = NULL, expires_at = $expires
            WHERE state <> $done
            """, command =>
        {
            command.Parameters.AddWithValue("$id", taskId);
            command.Parameters.AddWithValue("$name", taskName);
            command.Parameters.AddWithValue("$failed", TaskStateNames.Failed);
            command.Parameters.AddWithValue("$done", TaskStateNames.Done);
            command.Parameters.AddWithValue("$error", error);
            AddTimes(command, _clock.GetUtcNow());
        }, cancellationToken);

    private void AddTimes(SqliteCommand command, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("$now", now.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$nowSeconds", now.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$expires", (now + _options.StatusTimeToLive).ToUnixTimeSeconds());
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static DateTimeOffset? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));
}
