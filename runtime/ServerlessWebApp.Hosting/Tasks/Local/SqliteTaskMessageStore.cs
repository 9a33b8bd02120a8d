using Microsoft.Data.Sqlite;

namespace Serverless.WebApp.Hosting.Tasks.Local;

/// <summary>
/// The durable local queue, with SQS's semantics: a claimed message is in flight, a failed one becomes visible again
/// after a delay, and one received too often is dead-lettered (kept with its last error, never deleted).
/// </summary>
internal sealed class SqliteTaskMessageStore
{
    private readonly SqliteTaskDatabase _database;
    private readonly TimeProvider _clock;

    public SqliteTaskMessageStore(SqliteTaskDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    public Task EnqueueAsync(string taskId, byte[] body, TimeSpan delay, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO task_messages (task_id, body, visible_at) VALUES ($id, $body, $visibleAt)", command =>
        {
            command.Parameters.AddWithValue("$id", taskId);
            command.Parameters.AddWithValue("$body", body);
            command.Parameters.AddWithValue("$visibleAt", (_clock.GetUtcNow() + delay).ToUnixTimeMilliseconds());
        }, cancellationToken);

    /// <summary>Claims the next due message, counting the receive; null when none is due.</summary>
    public async Task<LocalTaskDelivery?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE task_messages SET in_flight = 1, receive_count = receive_count + 1
            WHERE seq = (SELECT seq FROM task_messages WHERE dead = 0 AND in_flight = 0 AND visible_at <= $now
                         ORDER BY visible_at, seq LIMIT 1)
            RETURNING seq, task_id, body, receive_count
            """;
        command.Parameters.AddWithValue("$now", _clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new LocalTaskDelivery(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2), reader.GetInt32(3));
    }

    public Task DeleteAsync(long sequence, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM task_messages WHERE seq = $seq",
            command => command.Parameters.AddWithValue("$seq", sequence), cancellationToken);

    public Task RetryLaterAsync(long sequence, TimeSpan delay, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE task_messages SET in_flight = 0, visible_at = $visibleAt, last_error = $error WHERE seq = $seq",
            command =>
            {
                command.Parameters.AddWithValue("$seq", sequence);
                command.Parameters.AddWithValue("$visibleAt", (_clock.GetUtcNow() + delay).ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$error", error);
            }, cancellationToken);

    public Task DeadLetterAsync(long sequence, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE task_messages SET in_flight = 0, dead = 1, last_error = $error WHERE seq = $seq", command =>
        {
            command.Parameters.AddWithValue("$seq", sequence);
            command.Parameters.AddWithValue("$error", error);
        }, cancellationToken);

    /// <summary>Puts a message cut off by shutdown back, without counting the interrupted receive.</summary>
    public Task ReleaseAsync(long sequence, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE task_messages SET in_flight = 0, receive_count = MAX(receive_count - 1, 0) WHERE seq = $seq",
            command => command.Parameters.AddWithValue("$seq", sequence), cancellationToken);

    /// <summary>
    /// Makes messages left in flight by a process that died visible again (their receive stays counted, so a task
    /// that kills the process every time is still dead-lettered). Only one process serves a local queue file.
    /// </summary>
    public Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE task_messages SET in_flight = 0 WHERE in_flight = 1 AND dead = 0", _ => { }, cancellationToken);

    public async Task<int> CountAsync(bool dead, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM task_messages WHERE dead = $dead";
        command.Parameters.AddWithValue("$dead", dead ? 1 : 0);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>When the next message becomes due, or null when none is waiting.</summary>
    public async Task<DateTimeOffset?> NextVisibleAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(visible_at) FROM task_messages WHERE dead = 0 AND in_flight = 0";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
