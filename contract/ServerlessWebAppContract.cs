// The names the construct and the hosting runtime agree on. This one file is compiled into both
// ServerlessWebApp.Constructs and ServerlessWebApp.Hosting (linked, not referenced), so the two sides
// cannot drift apart. Everything here is wire format: changing a value breaks deployed stacks.
namespace Serverless.WebApp.Contract;

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
    /// <summary>
    /// The secrets the runtime reads into configuration at start: comma-separated <c>key=parameter</c> pairs, each a
    /// configuration key (<see cref="SwaNames.ConfigurationKeyPattern"/>) and the Parameter Store name to read it from
    /// (a Secrets Manager secret as <see cref="SwaSecrets.SecretsManagerReferencePrefix"/> + its name). Never values.
    /// </summary>
    public const string Secrets = "SWA_SECRETS";
    /// <summary>
    /// The event sources this function receives: comma-separated <c>name=arn</c> pairs, each a name the app maps with
    /// <c>MapEvent</c> (<see cref="SwaNames.EventSourceNamePattern"/>) and the ARN its records carry (bucket, topic,
    /// queue, DynamoDB stream, Kinesis stream or EventBridge rule). Records are routed by that ARN.
    /// </summary>
    public const string EventSources = "SWA_EVENT_SOURCES";

    public const string WebRole = "web";
    public const string WorkerRole = "worker";
}

/// <summary>
/// The JSON log line the runtime writes for a failed task attempt (<c>Task {TaskId} ({TaskName}) failed: {Error}</c>,
/// at WARN): each template value is a top-level field. The construct's task-failure metric filter counts the lines
/// that carry both of these fields, so they are named once, here.
/// </summary>
internal static class SwaTaskFailureLog
{
    public const string TaskIdField = "TaskId";
    public const string ErrorField = "Error";
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

    /// <summary>Event source names accepted by <c>MapEvent</c> and by the construct's <c>EventSources</c>.</summary>
    public const string EventSourceNamePattern = "^[A-Za-z0-9._-]{1,64}$";

    /// <summary>
    /// Configuration keys a secret may be read into (<c>Db:Password</c>): sections separated by ':', each of letters,
    /// digits, '.', '_' and '-'.
    /// </summary>
    public const string ConfigurationKeyPattern = "^[A-Za-z0-9._-]+(:[A-Za-z0-9._-]+)*$";

    /// <summary>Separates the entries of <see cref="SwaEnvironment.Secrets"/> and <see cref="SwaEnvironment.EventSources"/>.</summary>
    public const char EntrySeparator = ',';

    /// <summary>Separates an entry's name from its value.</summary>
    public const char NameValueSeparator = '=';
}

/// <summary>How secrets are read: every one through Parameter Store, in one <c>GetParameters</c> batch.</summary>
internal static class SwaSecrets
{
    /// <summary>Parameter Store's path for a Secrets Manager secret, followed by the secret's name.</summary>
    public const string SecretsManagerReferencePrefix = "/aws/reference/secretsmanager/";

    /// <summary>The most names one <c>GetParameters</c> call takes.</summary>
    public const int MaxNamesPerCall = 10;
}

/// <summary>
/// The envelope in which the construct's EventBridge rules deliver an event (an input transformer), so the runtime
/// can route it by the rule that matched: <c>{"serverlessWebApp": {"kind": "event", "ruleArn": ..., "event": {...}}}</c>.
/// </summary>
internal static class SwaEventBridgeEnvelope
{
    public const string Kind = "event";
    public const string RuleArn = "ruleArn";
    public const string Event = "event";

    /// <summary>The input template: EventBridge fills in the rule's ARN and the whole original event.</summary>
    public const string InputTemplate =
        "{\"" + SwaControlEvent.Envelope + "\":{\"" + SwaControlEvent.Kind + "\":\"" + Kind + "\",\"" + RuleArn +
        "\":\"<aws.events.rule-arn>\",\"" + Event + "\":<aws.events.event.json>}}";
}

/// <summary>
/// .NET process settings the construct gives every function as environment variables (visible in the template; an
/// entry with the same name in the <c>Environment</c> prop replaces them). One Lambda environment serves one request at
/// a time and is billed by its configured memory, so the process keeps a small, steady resident set instead of the
/// headroom .NET's defaults reserve for a multi-request server. Values are hexadecimal without a <c>0x</c> prefix, the
/// one form both CoreCLR and Native AOT read. Measured in <c>docs/benchmarks.md</c>. Tests and benchmarks start the
/// published app with exactly these variables, so what is measured is what is deployed.
/// </summary>
internal static class SwaProcessSettings
{
    /// <summary>
    /// Server or workstation garbage collection. The web SDK writes <c>System.GC.Server: true</c> into every web app's
    /// <c>runtimeconfig.json</c>; this variable overrides it.
    /// </summary>
    public const string ServerGcVariable = "DOTNET_gcServer";

    /// <summary>
    /// Workstation GC: one heap and no per-core GC threads. A Lambda environment runs one request at a time, so a
    /// server GC's parallel collections have nothing to gain and its start-up and memory cost are paid in full.
    /// </summary>
    public const string WorkstationGc = "0";

    /// <summary>
    /// Background (concurrent) collections of the workstation GC, on by default: they need a dedicated GC thread that
    /// a one-request-at-a-time function has no use for.
    /// </summary>
    public const string ConcurrentGcVariable = "DOTNET_gcConcurrent";

    /// <summary>Blocking collections only: the gen2 collections a function sees are short and rare.</summary>
    public const string NonConcurrentGc = "0";

    /// <summary>
    /// The first-generation GC budget. The workstation default is sized from the CPU's cache, and the heap fills all
    /// of it before the first collection.
    /// </summary>
    public const string Gen0BudgetVariable = "DOTNET_GCgen0size";

    /// <summary>
    /// 512 KiB for JIT-compiled code: with 1 MiB regions the first generation then stays inside one region.
    /// </summary>
    public const string JitGen0Budget = "80000";

    /// <summary>
    /// 2 MiB for Native AOT, whose resident set is flat with it: the smaller budget collects during init and made
    /// its cold start ~2 ms slower.
    /// </summary>
    public const string NativeAotGen0Budget = "200000";

    /// <summary>The size of a GC region, the unit the GC commits and hands to a generation (default 4 MiB).</summary>
    public const string RegionSizeVariable = "DOTNET_GCRegionSize";

    /// <summary>1 MiB: a 4 MiB first-generation region ends up fully resident however small its budget.</summary>
    public const string RegionSize = "100000";

    /// <summary>
    /// How much freed JIT scratch memory the runtime keeps for reuse (default 16 MiB). The background tier-1 compiler
    /// fills that cache within the first tens of thousands of invocations and holds on to it.
    /// </summary>
    public const string JitSlabCacheVariable = "DOTNET_JitHostMaxSlabCache";

    /// <summary>1 MiB: measured as small as no cache at all, while a compilation can still reuse the last one's blocks.</summary>
    public const string JitSlabCache = "100000";

    /// <summary>
    /// The host's <c>hostBuilder:reloadConfigOnChange</c> (read from <c>DOTNET_</c> variables): whether
    /// <c>appsettings*.json</c> are watched for changes. A deployment package is read-only, so the watcher — an
    /// inotify instance over the whole package and a thread — would only cost start-up time.
    /// </summary>
    public const string ReloadConfigOnChangeVariable = "DOTNET_hostBuilder__reloadConfigOnChange";

    /// <summary>No configuration file watchers.</summary>
    public const string ReloadConfigOnChange = "false";

    /// <summary>
    /// Everything the construct sets on a function: the <see cref="RuntimeVariables"/> and, because the package cannot
    /// change, no configuration file watchers.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Variables(bool nativeAot)
    {
        foreach (var variable in RuntimeVariables(nativeAot)) yield return variable;
        yield return new(ReloadConfigOnChangeVariable, ReloadConfigOnChange);
    }

    /// <summary>
    /// The settings of the .NET runtime itself (garbage collector, JIT), which apply to the app wherever it runs: for a
    /// function whose code the JIT compiles (framework-dependent, ReadyToRun) or for Native AOT, which has no JIT and is
    /// flat with the first-generation budget alone.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> RuntimeVariables(bool nativeAot)
    {
        yield return new(ServerGcVariable, WorkstationGc);
        yield return new(ConcurrentGcVariable, NonConcurrentGc);
        if (nativeAot)
        {
            yield return new(Gen0BudgetVariable, NativeAotGen0Budget);
            yield break;
        }
        yield return new(Gen0BudgetVariable, JitGen0Budget);
        yield return new(RegionSizeVariable, RegionSize);
        yield return new(JitSlabCacheVariable, JitSlabCache);
    }
}
