using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs.Assets;

/// <summary>
/// Turns on S3's delivery of the bucket's object events to the account's default EventBridge bus, so a platform team
/// can react to them with its own rules (AWS Control Tower's CT.S3.PR.4 asks every bucket for event notifications).
/// Neither S3 nor the default bus charges for these events; only rules that match them and their targets cost.
/// </summary>
internal static class BucketEventNotifications
{
    /// <remarks>
    /// Set on the CloudFormation resource: the L2 bucket's <c>EventBridgeEnabled</c> would add CDK's notifications
    /// custom resource, a Lambda function of its own, for what CloudFormation supports natively.
    /// </remarks>
    public static void SendToEventBridge(Bucket bucket) =>
        ((CfnBucket)bucket.Node.DefaultChild!).NotificationConfiguration = new CfnBucket.NotificationConfigurationProperty
        {
            EventBridgeConfiguration = new CfnBucket.EventBridgeConfigurationProperty { EventBridgeEnabled = true },
        };
}
