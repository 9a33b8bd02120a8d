using Amazon.CDK;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Validation;

[Collection("cdk")]
public class DefaultOverrideWarningTests
{
    private static Annotations WarningsOf(Action<ServerlessWebAppProps> change) => Annotations.FromStack(TestStacks.Create(change).Stack);

    [Fact]
    public void PublicAccessIsAnnouncedAsAWarning() =>
        WarningsOf(_ => { }).HasWarning("/TestStack/WebApp", Match.StringLikeRegexp("PublicAccess = true"));

    [Fact]
    public void AuthorizedDefaultsRaiseNoWarning() =>
        WarningsOf(p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); }).HasNoWarning("*", Match.AnyValue());

    [Fact]
    public void WeakenedDefaultsAreEachAnnounced()
    {
        var warnings = WarningsOf(p =>
        {
            p.Tracing = Tracing.DISABLED;
            p.DeadLetterQueueEnabled = false;
            p.BucketRemovalPolicy = RemovalPolicy.DESTROY;
            p.ProvisionedConcurrentExecutions = 1;
        });
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp("Tracing = DISABLED"));
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp("DeadLetterQueueEnabled = false"));
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp("BucketRemovalPolicy = DESTROY"));
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp("billed per hour"));
    }
}
