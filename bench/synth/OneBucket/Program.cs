using Amazon.CDK;
using Amazon.CDK.AWS.S3;

// The smallest meaningful C# CDK app: one stack, one bucket. Its synth time is the fixed cost of the CDK
// through jsii (start the Node child process, load aws-cdk-lib, synthesize, write the cloud assembly).
var app = new App();
var stack = new Stack(app, "OneBucket");
_ = new Bucket(stack, "Bucket");
app.Synth();
