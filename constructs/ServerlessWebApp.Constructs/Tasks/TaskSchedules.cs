using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Control;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Nag;
using Serverless.WebApp.Constructs.Queues;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// EventBridge Scheduler schedules that run tasks: each invokes the <c>live</c> alias with
/// <c>{"serverlessWebApp":{"kind":"task","task":"...","payload":...,"schedule":"..."}}</c>. All schedules share one
/// execution role allowed to invoke the alias, so the function's resource policy gains no statement per schedule
/// (a hundred per-rule Lambda permissions would pass Lambda's 20 KB policy limit). Each target retries and dead-letters.
/// Invalid props are reported as synth errors (<c>cdk synth</c> lists them all) and nothing is built; the members then throw.
/// </summary>
public sealed class TaskSchedules : Construct
{
    private readonly ConstructValidation _validation;

    /// <summary>Creates the execution role, the dead-letter queue and one schedule per entry (nothing for an empty list).</summary>
    public TaskSchedules(Construct scope, string id, TaskSchedulesProps props) : base(scope, id)
    {
        _validation = ConstructValidation.Start(this);
        if (!_validation.Check(props, [TaskSchedulesPropsChecks.Check])) return;
        var schedules = new List<CfnSchedule>();
        Schedules = schedules;
        if (props.Schedules.Count == 0) return;

        DeadLetterQueue = props.DeadLetterQueue ?? new Queue(this, "DeadLetterQueue", SecureQueueDefaults.DeadLetterQueue(props.EncryptionKey));
        SubConstructAcknowledgements.ControlDeadLetterQueue(DeadLetterQueue, createdHere: props.DeadLetterQueue is null);
        Role = props.Role ?? CreateRole();
        RoleStatements =
        [
            Statements.Allow(["lambda:InvokeFunction"], props.Alias.FunctionArn),
            Statements.Allow(["sqs:SendMessage"], DeadLetterQueue.QueueArn),
            .. DeadLetterQueue.EncryptionMasterKey is { } key ? [Statements.Allow(["kms:GenerateDataKey", "kms:Decrypt"], key.KeyArn)] : Array.Empty<PolicyStatement>(),
        ];
        // A supplied immutable role is left untouched: RoleStatements then says what to attach to it.
        foreach (var statement in RoleStatements) Role.AddToPrincipalPolicy(statement);

        var retryPolicy = new CfnSchedule.RetryPolicyProperty
        {
            MaximumRetryAttempts = props.RetryAttempts ?? TaskSchedulesDefaults.RetryAttempts,
            MaximumEventAgeInSeconds = (props.MaxEventAge ?? TaskSchedulesDefaults.MaxEventAge()).ToSeconds(),
        };
        foreach (var entry in props.Schedules)
        {
            schedules.Add(new CfnSchedule(this, $"Schedule-{entry.Name}", new CfnScheduleProps
            {
                Description = $"ServerlessWebApp: run task {entry.Task} (schedule {entry.Name})",
                ScheduleExpression = entry.Expression,
                ScheduleExpressionTimezone = entry.TimeZone,
                State = entry.Enabled ?? true ? "ENABLED" : "DISABLED",
                FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
                Target = new CfnSchedule.TargetProperty
                {
                    Arn = props.Alias.FunctionArn,
                    RoleArn = Role.RoleArn,
                    Input = ControlEventInput.ScheduledTask(entry.Task, entry.PayloadJson, entry.Name),
                    RetryPolicy = retryPolicy,
                    DeadLetterConfig = new CfnSchedule.DeadLetterConfigProperty { Arn = DeadLetterQueue.QueueArn },
                },
            }));
        }
    }

    /// <summary>One schedule per <see cref="TaskSchedulesProps.Schedules"/> entry, in order.</summary>
    public IReadOnlyList<CfnSchedule> Schedules { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The execution role every schedule assumes; null when there are no schedules.</summary>
    public IRole? Role { get => _validation.Built(field); }

    /// <summary>
    /// The permissions of the execution role: invoke the alias, send to the dead-letter queue. Empty when there are no
    /// schedules.
    /// </summary>
    public IReadOnlyList<PolicyStatement> RoleStatements { get => _validation.Built(field); } = [];

    /// <summary>The queue that receives runs the Scheduler could not deliver; null when there are no schedules.</summary>
    public IQueue? DeadLetterQueue { get => _validation.Built(field); }

    private Role CreateRole()
    {
        var account = Stack.Of(this).Account;
        return new Role(this, "ExecutionRole", new RoleProps
        {
            Description = "Lets EventBridge Scheduler invoke the ServerlessWebApp alias for scheduled tasks.",
            // Confused-deputy guard: only schedules in this account may assume the role.
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com").WithConditions(new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account },
            }),
        });
    }
}
