using Amazon.CDK;
using Amazon.CDK.AWS.SNS;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// CloudWatch alarms on the app, notifying an SNS topic (<see cref="ServerlessWebAppProps.Monitoring"/>): errors and
/// throttles of the web function and the worker, the front door's 5xx rate and p99 latency, and, with tasks, tasks in
/// the dead-letter queue, failed task attempts and the age of the oldest queued task; optionally a dashboard. Each
/// alarm's name says what broke and its description what to do. Opt-in because alarms bill by the month: a standard
/// alarm is $0.10 a month per metric it watches (list price; CloudWatch's free tier covers 10 alarm metrics per
/// account), a dashboard $3.00 a month (3 free per account), the topic and its deliveries are billed per use. The
/// fixed price of a configuration is the count of alarm metrics × $0.10 (+ $3.00 with the dashboard): the web
/// function's 2 alarms, 3 metrics for the front door (5xx rate 2, latency 1), and with tasks 2 for the worker and 3 for
/// the queue — $1.00 a month for an HTTP API with tasks, $4.00 with the dashboard.
/// </summary>
public sealed class ServerlessWebAppMonitoringProps
{
    /// <summary>
    /// The topic alarms notify (on alarm and when back to OK). Supply one to reach an existing on-call path, e.g. one
    /// encrypted with your key. Default: a topic created here that only accepts TLS publishes (subscribe to it yourself:
    /// <c>aws sns subscribe --topic-arn … --protocol email</c>). It is not encrypted at rest: CloudWatch can publish to an
    /// encrypted topic only with a customer managed KMS key ($1.00 a month), and notifications carry alarm names, states
    /// and metric values, no application data.
    /// </summary>
    public ITopic? Topic { get; set; }

    /// <summary>Whether to create a CloudWatch dashboard of the same metrics ($3.00 a month, list price). Default: false.</summary>
    public bool? Dashboard { get; set; }

    /// <summary>Errors of the web function (or the worker) in 5 minutes that raise its errors alarm, 1 or more. Default: 1.</summary>
    public double? ErrorThreshold { get; set; }

    /// <summary>Throttled invocations in 5 minutes that raise a throttles alarm, 1 or more. Default: 1.</summary>
    public double? ThrottleThreshold { get; set; }

    /// <summary>Percentage of the front door's responses in 5 minutes that are 5xx and raise its alarm, above 0 and at most 100. Default: 5.</summary>
    public double? ServerErrorRateThreshold { get; set; }

    /// <summary>The front door's p99 latency over three consecutive 5-minute periods that raises its alarm, 1 ms or more. Default: 5 seconds.</summary>
    public Duration? LatencyP99Threshold { get; set; }

    /// <summary>Age of the oldest task waiting in the queue that raises its alarm, whole minutes from 1 to 1440. Default: 30 minutes.</summary>
    public Duration? TaskAgeThreshold { get; set; }

    /// <summary>
    /// Failed task attempts in 5 minutes that raise the task-failures alarm, 1 or more. The count is a custom metric from a
    /// filter on the worker's log group ($0.30 a month per metric, list price, prorated by the hours in which a task fails;
    /// nothing at zero traffic). Default: 1.
    /// </summary>
    public double? TaskFailureThreshold { get; set; }
}
