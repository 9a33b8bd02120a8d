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

const stages = [
  { name: 'dev', memory: 512, retention: logs.RetentionDays.ONE_WEEK, level: 'DEBUG', iamAuth: false, stageName: '$default', rate: 20, burst: 40 },
  { name: 'prod', memory: 1769, retention: logs.RetentionDays.THREE_MONTHS, level: 'INFO', iamAuth: true, stageName: 'v1', rate: 200, burst: 400, reserved: 100, uploads: true },
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

function foundry(scope, settings) {
  // Ids are flat in the stack (FoundryFunction, ...) so logical ids read like the C# construct's children.
  const id = (name) => `Foundry${name}`;
  const prefix = `${settings.name}/FoundryService/Foundry`;

  const role = new iam.Role(scope, id('FunctionRole'), {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `${prefix} web function`,
  });
  const functionLogs = new logs.LogGroup(scope, id('FunctionLogs'), { retention: settings.retention, removalPolicy: cdk.RemovalPolicy.RETAIN });
  const deadLetters = new sqs.Queue(scope, id('FunctionDeadLetterQueue'), {
    retentionPeriod: cdk.Duration.days(14), encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true,
  });

  const accessLogs = secureBucket(scope, id('AccessLogsBucket'), {
    lifecycleRules: [{ abortIncompleteMultipartUploadAfter: cdk.Duration.days(7), expiration: cdk.Duration.days(90), noncurrentVersionExpiration: cdk.Duration.days(30) }],
  });
  // The sample's wwwroot, copied to a private bucket the web function reads (SWA_STATIC_BUCKET).
  const staticAssets = secureBucket(scope, id('StaticAssetsBucket'), {
    serverAccessLogsBucket: accessLogs, serverAccessLogsPrefix: 'static-assets/',
    lifecycleRules: [{ abortIncompleteMultipartUploadAfter: cdk.Duration.days(7), noncurrentVersionExpiration: cdk.Duration.days(30) }],
  });
  new s3deploy.BucketDeployment(scope, id('StaticAssetsDeployment'), {
    sources: [s3deploy.Source.asset(path.join(__dirname, '..', '..', '..', 'samples', 'FoundryService', 'wwwroot'))],
    destinationBucket: staticAssets,
    retainOnDelete: true,
    prune: true,
  });

  let uploads;
  if (settings.uploads) {
    uploads = secureBucket(scope, id('UploadsBucket'), {
      serverAccessLogsBucket: accessLogs, serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: cdk.Duration.days(7), noncurrentVersionExpiration: cdk.Duration.days(30) }],
    });
  }

  const fn = new lambda.Function(scope, id('Function'), {
    runtime: new lambda.Runtime('dotnet10', lambda.RuntimeFamily.DOTNET_CORE),
    architecture: lambda.Architecture.ARM_64,
    handler: 'FoundryService',
    code: lambda.Code.fromAsset(path.join(__dirname, 'placeholder-code')),
    description: `${prefix} (web)`,
    memorySize: settings.memory,
    timeout: cdk.Duration.seconds(30),
    ephemeralStorageSize: cdk.Size.mebibytes(512),
    role,
    logGroup: functionLogs,
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: settings.level === 'DEBUG' ? lambda.ApplicationLogLevel.DEBUG : lambda.ApplicationLogLevel.INFO,
    systemLogLevelV2: lambda.SystemLogLevel.INFO,
    tracing: lambda.Tracing.ACTIVE,
    deadLetterQueue: deadLetters,
    reservedConcurrentExecutions: settings.reserved,
    environment: {
      SWA_FUNCTION_ROLE: 'web',
      SWA_STAGE: settings.stageName,
      SWA_STATIC_BUCKET: staticAssets.bucketName,
      ...(uploads ? { SWA_UPLOADS_BUCKET: uploads.bucketName } : {}),
    },
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [staticAssets.arnForObjects('*')] }));
  if (uploads) {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [uploads.bucketArn] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('*')] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'], resources: [uploads.arnForObjects('*')] }));
  }
  const alias = new lambda.Alias(scope, id('FunctionLiveAlias'), { aliasName: 'live', version: fn.currentVersion });

  const api = new apigwv2.HttpApi(scope, id('HttpApi'), {
    apiName: 'HttpApi',
    description: `${prefix} front door`,
    createDefaultStage: false,
    defaultIntegration: new HttpLambdaIntegration('DefaultRouteLiveAlias', alias),
    defaultAuthorizer: settings.iamAuth ? new HttpIamAuthorizer() : undefined,
  });
  const accessLogGroup = new logs.LogGroup(scope, id('HttpApiAccessLogs'), { retention: settings.retention, removalPolicy: cdk.RemovalPolicy.RETAIN });
  const stage = api.addStage('Stage', {
    stageName: settings.stageName, autoDeploy: true, throttle: { rateLimit: settings.rate, burstLimit: settings.burst },
  });
  stage.node.defaultChild.accessLogSettings = { destinationArn: accessLogGroup.logGroupArn, format: accessLogFormat };
  new cdk.CfnOutput(scope, id('Url'), { description: `${prefix} URL (HttpApi)`, value: stage.url });
}

// Access logs delivered through a bucket policy (as the C# construct's templates show), not the LogDeliveryWrite ACL.
const app = new cdk.App({ context: { '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true } });
for (const settings of stages) {
  const stage = new cdk.Stage(app, settings.name);
  const stack = new cdk.Stack(stage, 'FoundryService', { description: `FoundryService sample (${settings.name})` });
  foundry(stack, settings);
}
app.synth();
