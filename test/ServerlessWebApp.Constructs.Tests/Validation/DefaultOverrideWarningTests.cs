using Amazon.CDK;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>Weakened defaults are warnings with an id, which the user acknowledges by that id.</summary>
[Collection("cdk")]
public class DefaultOverrideWarningTests
{
    private static Annotations WarningsOf(Action<ServerlessWebAppProps> change) => Annotations.FromStack(TestStacks.Create(change).Stack);

    [Fact]
    public void PublicAccessIsAnnouncedAsAWarningWithItsId() =>
        WarningsOf(_ => { }).HasWarning("/TestStack/WebApp", Match.StringLikeRegexp("PublicAccess = true.*\\[ack: ServerlessWebApp:publicAccess\\]"));

    [Fact]
    public void AuthorizedDefaultsRaiseNoWarning() =>
        WarningsOf(p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); }).HasNoWarning("*", Match.AnyValue());

    [Fact]
    public void WeakenedDefaultsAreEachAnnouncedWithTheirIds()
    {
        var warnings = WarningsOf(p =>
        {
            p.Tracing = Tracing.DISABLED;
            p.DeadLetterQueueEnabled = false;
            p.BucketRemovalPolicy = RemovalPolicy.DESTROY;
            p.ProvisionedConcurrentExecutions = 1;
        });
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp($"Tracing = DISABLED.*{ServerlessWebAppWarnings.TracingNotActive}"));
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp($"DeadLetterQueueEnabled = false.*{ServerlessWebAppWarnings.NoDeadLetterQueue}"));
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp($"BucketRemovalPolicy = DESTROY.*{ServerlessWebAppWarnings.BucketsNotRetained}"));
        warnings.HasWarning("/TestStack/WebApp", Match.StringLikeRegexp($"billed per hour.*{ServerlessWebAppWarnings.ProvisionedConcurrencyBilled}"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AWarningIsAcknowledgedByItsIdOnTheStackOrTheConstruct(bool onTheStack)
    {
        // GIVEN a deliberately public app
        var (stack, webApp) = TestStacks.Create();

        // WHEN the user acknowledges the warning by its id, on the stack or on the construct
        Amazon.CDK.Annotations.Of(onTheStack ? stack : webApp).AcknowledgeWarning(ServerlessWebAppWarnings.PublicAccess, "A public demo API.");

        // THEN synth no longer reports it
        Annotations.FromStack(stack).HasNoWarning("*", Match.StringLikeRegexp("PublicAccess"));
    }

    [Fact]
    public void AWarningAcknowledgedOnTheStackBeforeTheConstructIsCreatedIsNotReported()
    {
        var stack = TestStacks.NewStack();
        Amazon.CDK.Annotations.Of(stack).AcknowledgeWarning(ServerlessWebAppWarnings.PublicAccess, "A public demo API.");
        _ = new ServerlessWebApp(stack, "WebApp", TestStacks.Props());
        Annotations.FromStack(stack).HasNoWarning("*", Match.StringLikeRegexp("PublicAccess"));
    }
}
