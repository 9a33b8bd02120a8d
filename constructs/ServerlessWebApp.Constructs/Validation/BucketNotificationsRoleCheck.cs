using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.EventSources;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// With <c>Role</c> supplied the construct may create no IAM role, but a bucket source's notifications are written by
/// CDK's per-stack helper function, which gets a role of its own unless the bucket names one
/// (<c>NotificationsHandlerRole</c>). Whether it did is known only once the bucket notification exists, so this runs at synth.
/// </summary>
internal static class BucketNotificationsRoleCheck
{
    public static void Check(Findings findings, ServerlessWebApp app)
    {
        var props = app.Props;
        if (props.Role is null || app.EventSources.NotificationsHandler is not { } handler) return;
        if (handler.Node.TryFindChild("Role") is not Role) return;
        var sources = props.EventSources?.Sources ?? [];
        var index = sources.ToList().FindIndex(s => s is BucketEventSource);
        findings.Error($"EventSources.Sources[{index}]",
            "is a bucket, whose notifications CDK writes through a helper function that got a role created for it, but Role is supplied, so " +
            "no role may be created; allowed: a bucket that names the helper's role (BucketProps.NotificationsHandlerRole, or " +
            "BucketAttributes.NotificationsHandlerRole when imported; a role the platform team supplies, imported with Mutable = false, " +
            "with s3:PutBucketNotification), or a topic, queue or pattern source");
    }
}
