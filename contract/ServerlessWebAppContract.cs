// The names the construct and the hosting runtime agree on. This one file is compiled into both
// ServerlessWebApp.Constructs and ServerlessWebApp.Hosting (linked, not referenced), so the two sides
// cannot drift apart. Everything here is wire format: changing a value breaks deployed stacks.
namespace ServerlessWebApp.Contract;

/// <summary>Environment variables the construct sets on its functions and the runtime reads.</summary>
internal static class SwaEnvironment
{
    /// <summary>"web" for the function behind the front door, "worker" for the task worker.</summary>
    public const string FunctionRole = "SWA_FUNCTION_ROLE";
    /// <summary>URL of the SQS task queue (set when tasks are enabled).</summary>
    public const string TaskQueueUrl = "SWA_TASK_QUEUE_URL";
    /// <summary>Name of the DynamoDB task status table (set when the construct creates one).</summary>
    public const string TaskStatusTable = "SWA_TASK_STATUS_TABLE";
    /// <summary>Bucket that holds task payloads too large for an SQS message (optional).</summary>
    public const string TaskPayloadBucket = "SWA_TASK_PAYLOAD_BUCKET";
    /// <summary>Private bucket with the app's static files.</summary>
    public const string StaticBucket = "SWA_STATIC_BUCKET";
    /// <summary>Optional bucket the app may read and write user uploads in.</summary>
    public const string UploadsBucket = "SWA_UPLOADS_BUCKET";
    /// <summary>The stage name of the front door, when there is one.</summary>
    public const string Stage = "SWA_STAGE";
    /// <summary>Comma-separated names of environment variables whose values are SSM parameter names.</summary>
    public const string SsmParameterNames = "SWA_SSM_PARAMETERS";
    /// <summary>Comma-separated names of environment variables whose values are Secrets Manager secret ARNs.</summary>
    public const string SecretArns = "SWA_SECRETS";

    public const string WebRole = "web";
    public const string WorkerRole = "worker";
}

/// <summary>Shape of the DynamoDB task status table the construct creates and the runtime writes.</summary>
internal static class SwaTaskStatusTable
{
    /// <summary>String partition key: the task id. No sort key.</summary>
    public const string PartitionKey = "taskId";
    /// <summary>Number attribute (epoch seconds) the table's time-to-live is enabled on.</summary>
    public const string TimeToLiveAttribute = "expiresAt";
}

/// <summary>
/// Control events the construct sends to its functions (EventBridge rule or Scheduler input). They are namespaced
/// under one top-level property so no event from AWS or a user can be mistaken for them:
/// <c>{"serverlessWebApp": {"kind": "keep-warm"}}</c> and
/// <c>{"serverlessWebApp": {"kind": "task", "task": "compute-dna", "payload": {...}, "schedule": "nightly"}}</c>.
/// Management commands use the shape <c>zappa manage</c> users know: <c>{"command": "migrate", "args": ["--dry-run"]}</c>.
/// </summary>
internal static class SwaControlEvent
{
    public const string Envelope = "serverlessWebApp";
    public const string Kind = "kind";
    public const string KeepWarmKind = "keep-warm";
    public const string TaskKind = "task";
    public const string Task = "task";
    public const string Payload = "payload";
    public const string Schedule = "schedule";

    public const string Command = "command";
    public const string Args = "args";
}

/// <summary>
/// Names that travel between the construct and the runtime: a schedule names a task, a command line names a command.
/// The construct validates them at synth with the same patterns the runtime's registries enforce.
/// </summary>
internal static class SwaNames
{
    /// <summary>Task names accepted by <c>MapTask</c> and by schedules.</summary>
    public const string TaskNamePattern = "^[A-Za-z0-9._-]{1,80}$";

    /// <summary>Command names accepted by <c>MapCommand</c> and by management-command outputs.</summary>
    public const string CommandNamePattern = "^[A-Za-z0-9._:-]{1,64}$";
}

/// <summary>
/// .NET process settings the construct gives every function as environment variables (visible in the template; an
/// entry with the same name in the <c>Environment</c> prop replaces them). One Lambda environment serves one request at
/// a time and is billed by its configured memory, so the first-generation GC budget is 2 MiB instead of the workstation
/// default sized from the CPU cache (≈12 MB on the benchmark machine), which the heap fills before its first collection.
/// </summary>
internal static class SwaProcessSettings
{
    public const string Gen0BudgetVariable = "DOTNET_GCgen0size";

    /// <summary>2 MiB, in hexadecimal without a <c>0x</c> prefix: the one form both CoreCLR and Native AOT read.</summary>
    public const string Gen0Budget = "200000";

    /// <summary>The variables, the same for every publish mode.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Variables()
    {
        yield return new(Gen0BudgetVariable, Gen0Budget);
    }
}
