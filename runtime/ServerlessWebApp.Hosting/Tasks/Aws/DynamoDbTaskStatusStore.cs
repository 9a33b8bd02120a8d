using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Tasks.Aws;

/// <summary>
/// Task status in the construct's DynamoDB table (key <c>taskId</c>, TTL on <c>expiresAt</c>). Every transition is a
/// conditional write, so a DONE task can never be moved back or started again.
/// </summary>
internal sealed class DynamoDbTaskStatusStore : ITaskStatusStore, ITaskStatusWriter
{
    private const string Key = SwaTaskStatusTable.PartitionKey;
    private const string Expires = SwaTaskStatusTable.TimeToLiveAttribute;
    private const string Name = "taskName";
    private const string State = "state";
    private const string Attempts = "attempts";
    private const string CreatedAt = "createdAt";
    private const string UpdatedAt = "updatedAt";
    private const string StartedAt = "startedAt";
    private const string CompletedAt = "completedAt";
    private const string Result = "result";
    private const string Error = "error";
    private const string LeaseUntil = "leaseUntil";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["#id"] = Key, ["#name"] = Name, ["#state"] = State, ["#attempts"] = Attempts, ["#created"] = CreatedAt,
        ["#updated"] = UpdatedAt, ["#started"] = StartedAt, ["#completed"] = CompletedAt, ["#result"] = Result,
        ["#error"] = Error, ["#expires"] = Expires, ["#lease"] = LeaseUntil,
    };

    private readonly IAmazonDynamoDB _dynamo;
    private readonly TimeProvider _clock;
    private readonly ServerlessWebAppTaskOptions _options;

    public DynamoDbTaskStatusStore(IAmazonDynamoDB dynamo, TimeProvider clock, IOptions<ServerlessWebAppTaskOptions> options)
    {
        _dynamo = dynamo;
        _clock = clock;
        _options = options.Value;
    }

    private string Table => _options.StatusTable ?? throw new InvalidOperationException(
        $"No task status table: set {SwaEnvironment.TaskStatusTable}.");

    public bool IsTracking => true;

    public async Task<TaskStatusRecord?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = KeyOf(taskId),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item) return null;
        var record = ToRecord(item);
        // TTL deletion is lazy (up to days late): an expired record is already gone for readers.
        return record.ExpiresAt <= _clock.GetUtcNow() ? null : record;
    }

    public async Task<bool> TryCreateAsync(string taskId, string taskName, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        try
        {
            await _dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = Table,
                Item = new Dictionary<string, AttributeValue>
                {
                    [Key] = S(taskId), [Name] = S(taskName), [State] = S(TaskStateNames.Received),
                    [Attempts] = N(0), [CreatedAt] = S(now), [UpdatedAt] = S(now), [Expires] = N(ExpiryOf(now)),
                },
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = new() { ["#id"] = Key },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task RemoveReceivedAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            await _dynamo.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = Table,
                Key = KeyOf(taskId),
                ConditionExpression = "#state = :received",
                ExpressionAttributeNames = new() { ["#state"] = State },
                ExpressionAttributeValues = new() { [":received"] = S(TaskStateNames.Received) },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already started by a worker: the record is live and must stay.
        }
    }

    public async Task<TaskBeginOutcome> BeginAsync(string taskId, string taskName, DateTimeOffset? leaseUntil,
        CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var values = new Dictionary<string, AttributeValue>
        {
            [":name"] = S(taskName), [":inProgress"] = S(TaskStateNames.InProgress), [":now"] = S(now),
            [":expires"] = N(ExpiryOf(now)), [":one"] = N(1), [":done"] = S(TaskStateNames.Done),
            [":nowMs"] = N(now.ToUnixTimeMilliseconds()),
        };
        var update = "SET #name = :name, #state = :inProgress, #started = :now, #updated = :now, #expires = :expires, " +
            "#created = if_not_exists(#created, :now)";
        if (leaseUntil is { } lease)
        {
            update += ", #lease = :lease";
            values[":lease"] = N(lease.ToUnixTimeMilliseconds());
        }
        else
        {
            update += " REMOVE #lease";
        }
        try
        {
            var response = await _dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
                Key = KeyOf(taskId),
                UpdateExpression = update + " ADD #attempts :one",
                ConditionExpression = "attribute_not_exists(#id) OR (#state <> :done AND " +
                    "(#state <> :inProgress OR attribute_not_exists(#lease) OR #lease < :nowMs))",
                ExpressionAttributeNames = Pick("#id", "#name", "#state", "#started", "#updated", "#expires", "#created",
                    "#attempts", "#lease"),
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.UPDATED_NEW,
            }, cancellationToken).ConfigureAwait(false);
            var attempt = response.Attributes is { } attributes && attributes.TryGetValue(Attempts, out var value)
                ? int.Parse(value.N, CultureInfo.InvariantCulture)
                : 1;
            return TaskBeginOutcome.Started(attempt);
        }
        catch (ConditionalCheckFailedException)
        {
            var current = await GetAsync(taskId, cancellationToken).ConfigureAwait(false);
            return current is { State: TaskState.Done } ? TaskBeginOutcome.Done : TaskBeginOutcome.HeldByAnother;
        }
    }

    public Task CompleteAsync(string taskId, string? resultJson, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var values = new Dictionary<string, AttributeValue>
        {
            [":done"] = S(TaskStateNames.Done), [":now"] = S(now), [":expires"] = N(ExpiryOf(now)),
        };
        var set = "SET #state = :done, #completed = :now, #updated = :now, #expires = :expires";
        if (resultJson is not null)
        {
            set += ", #result = :result";
            values[":result"] = S(resultJson);
        }
        return _dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table,
            Key = KeyOf(taskId),
            UpdateExpression = set + " REMOVE #error, #lease",
            ExpressionAttributeNames = resultJson is null
                ? Pick("#state", "#completed", "#updated", "#expires", "#error", "#lease")
                : Pick("#state", "#completed", "#updated", "#expires", "#error", "#lease", "#result"),
            ExpressionAttributeValues = values,
        }, cancellationToken);
    }

    public async Task FailAsync(string taskId, string taskName, string error, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        try
        {
            await _dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
                Key = KeyOf(taskId),
                UpdateExpression = "SET #state = :failed, #error = :error, #completed = :now, #updated = :now, " +
                    "#expires = :expires, #name = if_not_exists(#name, :name), #created = if_not_exists(#created, :now), " +
                    "#attempts = if_not_exists(#attempts, :zero) REMOVE #lease",
                ConditionExpression = "attribute_not_exists(#id) OR #state <> :done",
                ExpressionAttributeNames = Pick("#id", "#state", "#error", "#completed", "#updated", "#expires", "#name",
                    "#created", "#attempts", "#lease"),
                ExpressionAttributeValues = new()
                {
                    [":failed"] = S(TaskStateNames.Failed), [":error"] = S(error), [":now"] = S(now),
                    [":expires"] = N(ExpiryOf(now)), [":name"] = S(taskName), [":zero"] = N(0),
                    [":done"] = S(TaskStateNames.Done),
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // DONE is final: a late failure report of a duplicate delivery does not undo it.
        }
    }

    private long ExpiryOf(DateTimeOffset now) => (now + _options.StatusTimeToLive).ToUnixTimeSeconds();

    private static Dictionary<string, AttributeValue> KeyOf(string taskId) => new() { [Key] = S(taskId) };

    private static Dictionary<string, string> Pick(params string[] placeholders) =>
        placeholders.ToDictionary(p => p, p => Names[p]);

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue S(DateTimeOffset value) => new() { S = value.ToString("O", CultureInfo.InvariantCulture) };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static TaskStatusRecord ToRecord(Dictionary<string, AttributeValue> item) => new(
        TaskId: item[Key].S,
        TaskName: Text(item, Name) ?? "",
        State: TaskStateNames.Parse(Text(item, State) ?? TaskStateNames.Received),
        Attempts: item.TryGetValue(Attempts, out var attempts) ? int.Parse(attempts.N, CultureInfo.InvariantCulture) : 0,
        CreatedAt: Time(item, CreatedAt) ?? DateTimeOffset.MinValue,
        UpdatedAt: Time(item, UpdatedAt) ?? DateTimeOffset.MinValue,
        StartedAt: Time(item, StartedAt),
        CompletedAt: Time(item, CompletedAt),
        ResultJson: Text(item, Result),
        Error: Text(item, Error),
        ExpiresAt: item.TryGetValue(Expires, out var expires)
            ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(expires.N, CultureInfo.InvariantCulture))
            : DateTimeOffset.MaxValue);

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    private static DateTimeOffset? Time(Dictionary<string, AttributeValue> item, string name) =>
        Text(item, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
}
