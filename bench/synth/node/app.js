// Benchmark 4 reference: the resources of the FoundryService sample (app/, stages dev and prod), written directly on
// aws-cdk-lib 2.160 and synthesized by Node without jsii. The code asset is a small placeholder folder: the timing is
// of the construct tree and synth, not of publishing. run.sh counts resources per type against the C# app's templates.
const path = require('path');
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const logs = require('aws-cdk-lib/aws-logs');
const s3 = require('aws-cdk-lib/aws-s3');
const sqs = require('aws-cdk-lib/aws-sqs');
const s3deploy = require('aws-cdk-lib/aws-s3-deployment');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const scheduler = require('aws-cdk-lib/aws-scheduler');
const { SqsEventSource } = require('aws-cdk-lib/aws-lambda-event-sources');
const apigwv2 = require('aws-cdk-lib/aws-apigatewayv2');
const { HttpLambdaIntegration } = require('aws-cdk-lib/aws-apigatewayv2-integrations');
const { HttpIamAuthorizer } = require('aws-cdk-lib/aws-apigatewayv2-authorizers');

const accessLogFormat = JSON.stringify({
  requestId: '$context.requestId', ip: '$context.identity.sourceIp', requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod', path: '$context.path', routeKey: '$context.routeKey', status: '$context.status',
  protocol: '$context.protocol', responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency', integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

// app/StageSettings.cs: Dev and Prod (tasks = ServerlessWebAppTasksProps, keepWarm/schedules as in Prod).
const stages = [
  {
    name: 'dev', memory: 512, retention: logs.RetentionDays.ONE_WEEK, level: 'DEBUG', iamAuth: false, stageName: '$default', rate: 20, burst: 40,
    environment: { Foundry__ComputeDuration: '00:00:30' },
    tasks: { workerTimeout: cdk.Duration.minutes(2), workerMemory: 512, maxConcurrency: 2, maxReceiveCount: 2 },
    keepWarm: false, schedules: [],
  },
  {
    name: 'prod', memory: 1769, retention: logs.RetentionDays.THREE_MONTHS, level: 'INFO', iamAuth: true, stageName: 'v1', rate: 200, burst: 400, reserved: 100, uploads: true,
    environment: {},
    tasks: { workerTimeout: cdk.Duration.minutes(15), workerMemory: 3538, maxConcurrency: 20, maxReceiveCount: 3, payloadBucket: true },
    keepWarm: true,
    schedules: [{ name: 'nightly-calibration', expression: 'cron(0 3 * * ? *)', task: 'compute-dna', payload: { dna_sequence: 'ACGTACGTACGT' } }],
  },
];

function secureBucket(scope, id, extra) {
  return new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    versioned: true,
    ...extra,
  });
}

// The construct's dead-letter queues (function, worker, task queue, keep-warm, schedules): 14 days, SSE-SQS, TLS only.
function deadLetterQueue(scope, id) {
  return new sqs.Queue(scope, id, { retentionPeriod: cdk.Duration.days(14), encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
}

// Iam/ExplicitS3Actions.cs: CDK's own grants (the BucketDeployment handler's role) use wildcard S3 actions; rewrite them
// into the explicit actions they stand for, so no policy in the stack has a wildcard action.
const explicitS3Actions = {
  's3:GetObject*': ['s3:GetObject'], 's3:GetBucket*': ['s3:GetBucketLocation'], 's3:List*': ['s3:ListBucket'],
  's3:DeleteObject*': ['s3:DeleteObject'], 's3:Abort*': ['s3:AbortMultipartUpload'],
};
class ExplicitS3Actions {
  visit(node) {
    if (!(node instanceof iam.CfnPolicy)) return;
    const statements = cdk.Stack.of(node).resolve(node.policyDocument).Statement;
    let changed = false;
    const rewritten = statements.map((statement) => {
      const actions = [].concat(statement.Action ?? []);
      if (!actions.some((a) => a in explicitS3Actions)) return statement;
      changed = true;
      return { ...statement, Action: [...new Set(actions.flatMap((a) => explicitS3Actions[a] ?? [a]))] };
    });
    if (changed) node.addPropertyOverride('PolicyDocument.Statement', rewritten);
  }
}

// Web and worker functions share everything but their sizing, role, log group and dead-letter queue.
function dotnetFunction(scope, id, settings, props) {
  return new lambda.Function(scope, id, {
    runtime: new lambda.Runtime('dotnet10', lambda.RuntimeFamily.DOTNET_CORE),
    architecture: lambda.Architecture.ARM_64,
    handler: 'FoundryService',
    code: lambda.Code.fromAsset(path.join(__dirname, 'placeholder-code')),
    ephemeralStorageSize: cdk.Size.mebibytes(512),
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: settings.level === 'DEBUG' ? lambda.ApplicationLogLevel.DEBUG : lambda.ApplicationLogLevel.INFO,
    systemLogLevelV2: lambda.SystemLogLevel.INFO,
    tracing: lambda.Tracing.ACTIVE,
    ...props,
  });
}

// The ServerlessWebApp construct (constructs/ServerlessWebApp.Constructs, id "Foundry") as the sample configures it:
// web function behind an HTTP API, task queue + worker, S3 assets, and in prod keep-warm and a scheduled task.
function foundry(scope, settings, results, imports) {
  // Ids are flat in the stack (FoundryFunction, ...) so logical ids read like the C# construct's children.
  const id = (name) => `Foundry${name}`;
  const prefix = `${settings.name}/FoundryService/Foundry`;
  const tasks = settings.tasks;

  // --- Web function's role, log group and dead-letter queue (constructs: Function*)
  const role = new iam.Role(scope, id('FunctionRole'), {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `${prefix} web function`,
  });
  const functionLogs = new logs.LogGroup(scope, id('FunctionLogs'), { retention: settings.retention, removalPolicy: cdk.RemovalPolicy.RETAIN });
  const deadLetters = deadLetterQueue(scope, id('FunctionDeadLetterQueue'));

  // --- S3 assets: access-log bucket, static assets (+ deployment), prod's uploads bucket
  const accessLogs = secureBucket(scope, id('AccessLogsBucket'), {
    lifecycleRules: [{ abortIncompleteMultipartUploadAfter: cdk.Duration.days(7), expiration: cdk.Duration.days(90), noncurrentVersionExpiration: cdk.Duration.days(30) }],
  });
  // The sample's wwwroot, copied to a private bucket the web function reads (SWA_STATIC_BUCKET).
  const staticAssets = secureBucket(scope, id('StaticAssetsBucket'), {
    serverAccessLogsBucket: accessLogs, serverAccessLogsPrefix: 'static-assets/',
    lifecycleRules: [{ abortIncompleteMultipartUploadAfter: cdk.Duration.days(7), noncurrentVersionExpiration: cdk.Duration.days(30) }],
  });
  const deployment = new s3deploy.BucketDeployment(scope, id('StaticAssetsDeployment'), {
    sources: [s3deploy.Source.asset(path.join(__dirname, '..', '..', '..', 'samples', 'FoundryService', 'wwwroot'))],
    destinationBucket: staticAssets,
    retainOnDelete: true,
    prune: true,
    memoryLimit: 256,
  });
  // Assets/DeploymentHandler.cs: active X-Ray tracing on CDK's singleton handler (BucketDeployment has no prop for it).
  const handler = cdk.Stack.of(deployment).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment') && c.node.id.endsWith('256MiB'));
  handler.node.defaultChild.tracingConfig = { mode: 'Active' };

  let uploads;
  if (settings.uploads) {
    uploads = secureBucket(scope, id('UploadsBucket'), {
      serverAccessLogsBucket: accessLogs, serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: cdk.Duration.days(7), noncurrentVersionExpiration: cdk.Duration.days(30) }],
    });
  }

  // --- Task queue (constructs: Tasks/*): queue + dead-letter queue, status table with TTL, prod's payload bucket.
  // Visibility timeout 6x the worker's timeout, as AWS advises for an SQS event source.
  const tasksDeadLetters = deadLetterQueue(scope, id('TasksDeadLetterQueue'));
  const tasksQueue = new sqs.Queue(scope, id('TasksQueue'), {
    retentionPeriod: cdk.Duration.days(4), encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true,
    visibilityTimeout: cdk.Duration.seconds(tasks.workerTimeout.toSeconds() * 6),
    deadLetterQueue: { queue: tasksDeadLetters, maxReceiveCount: tasks.maxReceiveCount },
  });
  const statusTable = new dynamodb.Table(scope, id('TasksStatusTable'), {
    partitionKey: { name: 'taskId', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: 'expiresAt',
    pointInTimeRecovery: true,
    removalPolicy: cdk.RemovalPolicy.RETAIN,
  });
  let payloads;
  if (tasks.payloadBucket) {
    payloads = secureBucket(scope, id('TasksPayloadBucket'), {
      serverAccessLogsBucket: accessLogs, serverAccessLogsPrefix: 'task-payloads/',
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ id: 'ExpireTaskPayloads', abortIncompleteMultipartUploadAfter: cdk.Duration.days(1), expiration: cdk.Duration.days(14), noncurrentVersionExpiration: cdk.Duration.days(1) }],
    });
  }

  const labKeyParameter = `foundry/${settings.name}/lab-key`;
  // Both functions see the same app settings; only the web function gets the stage and the queue URL.
  const sharedEnvironment = {
    // the construct's process settings for the framework-dependent mode (SwaProcessSettings)
    DOTNET_gcServer: '0',
    DOTNET_gcConcurrent: '0',
    DOTNET_GCgen0size: '80000',
    DOTNET_GCRegionSize: '100000',
    DOTNET_JitHostMaxSlabCache: '100000',
    DOTNET_hostBuilder__reloadConfigOnChange: 'false',
    ...settings.environment,
    Foundry__ResultsTable: results.tableName,
    SWA_STATIC_BUCKET: staticAssets.bucketName,
    SWA_TASK_STATUS_TABLE: statusTable.tableName,
    ...(uploads ? { SWA_UPLOADS_BUCKET: uploads.bucketName } : {}),
    ...(payloads ? { SWA_TASK_PAYLOAD_BUCKET: payloads.bucketName } : {}),
    // app/LabKeySecret.cs: the lab key, read from Parameter Store at start (Secrets/*)
    SWA_SECRETS: `Foundry:LabKey=/${labKeyParameter}`,
  };
  // Both roles may read the secret's parameter.
  const grantSecrets = (r) => r.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['ssm:DescribeParameters', 'ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParameterHistory'],
    resources: [cdk.Stack.of(scope).formatArn({ service: 'ssm', resource: 'parameter', resourceName: labKeyParameter })],
  }));
  // What both roles may do with the app's buckets (static assets read, uploads read/write).
  const grantBuckets = (r) => {
    r.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [staticAssets.bucketArn] }));
    r.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [staticAssets.arnForObjects('*')] }));
    if (uploads) {
      r.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [uploads.bucketArn] }));
      r.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('*')] }));
      r.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'], resources: [uploads.arnForObjects('*')] }));
    }
  };

  // --- Web function + live alias (constructs: Function, FunctionCurrentVersion, FunctionLiveAlias)
  const fn = dotnetFunction(scope, id('Function'), settings, {
    description: `${prefix} (web)`,
    memorySize: settings.memory,
    timeout: cdk.Duration.seconds(30),
    role,
    logGroup: functionLogs,
    deadLetterQueue: deadLetters,
    reservedConcurrentExecutions: settings.reserved,
    environment: { ...sharedEnvironment, SWA_FUNCTION_ROLE: 'web', SWA_STAGE: settings.stageName, SWA_TASK_QUEUE_URL: tasksQueue.queueUrl },
  });
  functionLogs.grantWrite(role);
  grantSecrets(role);
  grantBuckets(role);
  tasksQueue.grantSendMessages(role);
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], resources: [statusTable.tableArn] }));
  if (payloads) role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [payloads.arnForObjects('*')] }));
  const alias = new lambda.Alias(scope, id('FunctionLiveAlias'), { aliasName: 'live', version: fn.currentVersion });

  // --- Task worker + live alias, fed by the task queue (constructs: Worker*, Tasks/WorkerEventSource)
  const workerRole = new iam.Role(scope, id('WorkerRole'), {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `${prefix} worker function`,
  });
  const workerLogs = new logs.LogGroup(scope, id('WorkerLogs'), { retention: settings.retention, removalPolicy: cdk.RemovalPolicy.RETAIN });
  const worker = dotnetFunction(scope, id('Worker'), settings, {
    description: `${prefix} (worker)`,
    memorySize: tasks.workerMemory,
    timeout: tasks.workerTimeout,
    role: workerRole,
    logGroup: workerLogs,
    deadLetterQueue: deadLetterQueue(scope, id('WorkerDeadLetterQueue')),
    environment: { ...sharedEnvironment, SWA_FUNCTION_ROLE: 'worker', SWA_EVENT_SOURCES: `sequence-imports=${imports.queueArn}` },
  });
  workerLogs.grantWrite(workerRole);
  grantSecrets(workerRole);
  grantBuckets(workerRole);
  workerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [statusTable.tableArn] }));
  if (payloads) workerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [payloads.arnForObjects('*')] }));
  const workerAlias = new lambda.Alias(scope, id('WorkerLiveAlias'), { aliasName: 'live', version: worker.currentVersion });
  // One task per invocation; a failed task returns to the queue on its own (partial batch response).
  workerAlias.addEventSource(new SqsEventSource(tasksQueue, {
    batchSize: 1, reportBatchItemFailures: true, maxConcurrency: tasks.maxConcurrency,
  }));
  // The app's own event source on the worker (constructs: EventSources/*): SQS batches with partial batch responses.
  workerAlias.addEventSource(new SqsEventSource(imports, { batchSize: 10, reportBatchItemFailures: true }));
  new cdk.CfnOutput(scope, id('TasksQueueUrl'), { description: 'URL of the task queue the web function sends tasks to.', value: tasksQueue.queueUrl });
  new cdk.CfnOutput(scope, id('TasksDeadLetterQueueUrl'), { description: 'URL of the dead-letter queue that holds tasks which failed every attempt.', value: tasksDeadLetters.queueUrl });

  // --- HTTP API front door (constructs: HttpApi*)
  const api = new apigwv2.HttpApi(scope, id('HttpApi'), {
    apiName: 'HttpApi',
    description: `${prefix} front door`,
    createDefaultStage: false,
    defaultIntegration: new HttpLambdaIntegration('LiveAlias', alias),
    defaultAuthorizer: settings.iamAuth ? new HttpIamAuthorizer() : undefined,
  });
  const accessLogGroup = new logs.LogGroup(scope, id('HttpApiAccessLogs'), { retention: settings.retention, removalPolicy: cdk.RemovalPolicy.RETAIN });
  const stage = api.addStage('Stage', {
    stageName: settings.stageName, autoDeploy: true, throttle: { rateLimit: settings.rate, burstLimit: settings.burst },
  });
  stage.node.defaultChild.accessLogSettings = { destinationArn: accessLogGroup.logGroupArn, format: accessLogFormat };
  new cdk.CfnOutput(scope, id('Url'), { description: `${prefix} URL (HttpApi)`, value: stage.url });
  new cdk.CfnOutput(scope, id('CommandhelpInvokeCommand'), {
    description: 'Runs a management command on the live alias (replace the command and args in the payload).',
    value: `aws lambda invoke --region ${cdk.Aws.REGION} --function-name ${fn.functionName}:live --cli-binary-format raw-in-base64-out --payload '{"command":"help","args":[]}' response.json`,
  });

  // --- Keep-warm (constructs: KeepWarm/*, prod): an EventBridge rule pinging the web alias every 5 minutes.
  if (settings.keepWarm) {
    new events.Rule(scope, id('KeepWarmRule'), {
      description: 'ServerlessWebApp keep-warm ping',
      schedule: events.Schedule.rate(cdk.Duration.minutes(5)),
      targets: [new targets.LambdaFunction(alias, {
        event: events.RuleTargetInput.fromObject({ serverlessWebApp: { kind: 'keep-warm' } }),
        deadLetterQueue: deadLetterQueue(scope, id('KeepWarmDeadLetterQueue')),
        retryAttempts: 2,
        maxEventAge: cdk.Duration.minutes(1),
      })],
    });
  }

  // --- Scheduled tasks (constructs: Schedules/*, prod): EventBridge Scheduler invokes the worker alias with a task
  // event. aws-cdk-lib 2.160 has only the L1 CfnSchedule (the Scheduler L2 was still alpha).
  if (settings.schedules.length > 0) {
    const schedulesDeadLetters = deadLetterQueue(scope, id('SchedulesDeadLetterQueue'));
    const schedulerRole = new iam.Role(scope, id('SchedulesExecutionRole'), {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': cdk.Aws.ACCOUNT_ID } } }),
      description: 'Lets EventBridge Scheduler invoke the ServerlessWebApp alias for scheduled tasks.',
    });
    workerAlias.grantInvoke(schedulerRole);
    schedulerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [schedulesDeadLetters.queueArn] }));
    for (const schedule of settings.schedules) {
      new scheduler.CfnSchedule(scope, id(`SchedulesSchedule${schedule.name.replace(/[^A-Za-z0-9]/g, '')}`), {
        description: `ServerlessWebApp: run task ${schedule.task} (schedule ${schedule.name})`,
        scheduleExpression: schedule.expression,
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: workerAlias.functionArn,
          roleArn: schedulerRole.roleArn,
          input: JSON.stringify({ serverlessWebApp: { kind: 'task', task: schedule.task, payload: schedule.payload, schedule: schedule.name } }),
          deadLetterConfig: { arn: schedulesDeadLetters.queueArn },
          retryPolicy: { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 },
        },
      });
    }
  }
  return { function: fn, worker };
}

// Access logs delivered through a bucket policy (as the C# construct's templates show), not the LogDeliveryWrite ACL.
const app = new cdk.App({ context: { '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true } });
for (const settings of stages) {
  const stage = new cdk.Stage(app, settings.name);
  const stack = new cdk.Stack(stage, 'FoundryService', { description: `FoundryService sample (${settings.name})` });
  // app/FoundryResultsTable.cs: the sample's own results table; the worker puts results, the web function reads them.
  const results = new dynamodb.Table(stack, 'Results', {
    partitionKey: { name: 'taskId', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecovery: true,
    removalPolicy: cdk.RemovalPolicy.RETAIN,
  });
  // app/SequenceImportsQueue.cs: the queue partner labs send sequences to, with its dead-letter queue.
  const importsDeadLetters = new sqs.Queue(stack, 'SequenceImportsDeadLetters', {
    retentionPeriod: cdk.Duration.days(14), encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true,
    redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.ALLOW_ALL },
  });
  const imports = new sqs.Queue(stack, 'SequenceImports', {
    encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true,
    visibilityTimeout: cdk.Duration.seconds(settings.tasks.workerTimeout.toSeconds() * 6),
    deadLetterQueue: { queue: importsDeadLetters, maxReceiveCount: 5 },
  });
  const foundryApp = foundry(stack, settings, results, imports);
  results.grant(foundryApp.worker, 'dynamodb:PutItem');
  results.grant(foundryApp.function, 'dynamodb:GetItem');
  cdk.Aspects.of(stack).add(new ExplicitS3Actions());
}
app.synth();
