using Serverless.WebApp.Constructs.Tests.Support;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Compliance;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

[Collection("cdk")]
public class NoWildcardActionsAspectTests
{
    private static (Amazon.CDK.App App, Stack Stack) NewApp(NoWildcardActionsAspect? aspect = null)
    {
        var app = TestFolders.NewApp();
        Aspects.Of(app).Add(aspect ?? new NoWildcardActionsAspect());
        return (app, new Stack(app, "Policies"));
    }

    private static Role NewRole(Stack stack, string id, RoleProps? props = null) =>
        new(stack, id, props ?? new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });

    private static PolicyStatement Allow(params string[] actions) =>
        new(new PolicyStatementProps { Actions = actions, Resources = ["arn:aws:s3:::bucket/*"] });

    private static string[] Errors(Stack stack) =>
        Amazon.CDK.Assertions.Annotations.FromStack(stack).FindError("*", Match.StringLikeRegexp("NoWildcardActions"))
            .Select(m => m.Entry.Data?.ToString() ?? "").ToArray();

    [Fact]
    public void StarActionInAnIamPolicyFailsNamingThePolicyAndStatement()
    {
        // GIVEN a role whose default policy allows every action
        var (_, stack) = NewApp();
        var role = NewRole(stack, "Web");
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = "Everything", Actions = ["*"], Resources = ["*"] }));

        // WHEN synthesized THEN one error names the AWS::IAM::Policy, the statement and the action
        var error = Assert.Single(Errors(stack));
        Assert.Contains("policy Policies/Web/DefaultPolicy/Resource", error);
        Assert.Contains("statement 'Everything'", error);
        Assert.Contains("allows action '*'", error);
    }

    [Fact]
    public void ServiceWildcardInAnInlineRolePolicyFails()
    {
        // GIVEN a role with an inline policy allowing s3:*
        var (_, stack) = NewApp();
        NewRole(stack, "Worker", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["Storage"] = new(new PolicyDocumentProps { Statements = [Allow("s3:GetObject"), Allow("s3:*")] }),
            },
        });

        // WHEN synthesized THEN the error names the inline policy, its role and the second statement
        var error = Assert.Single(Errors(stack));
        Assert.Contains("inline policy 'Storage' of role Policies/Worker/Resource", error);
        Assert.Contains("statement #2", error);
        Assert.Contains("every action of service 's3'", error);
    }

    [Fact]
    public void WildcardInAManagedPolicyFails()
    {
        // GIVEN a customer managed policy allowing every action of every service
        var (_, stack) = NewApp();
        new ManagedPolicy(stack, "Admin", new ManagedPolicyProps { Statements = [Allow("*")] });

        // WHEN synthesized THEN the managed policy is named
        var error = Assert.Single(Errors(stack));
        Assert.Contains("managed policy Policies/Admin/Resource", error);
    }

    [Fact]
    public void AllowWithNotActionFails()
    {
        var (_, stack) = NewApp();
        NewRole(stack, "Web").AddToPolicy(new PolicyStatement(new PolicyStatementProps { NotActions = ["iam:*"], Resources = ["*"] }));

        Assert.Contains("every action except", Assert.Single(Errors(stack)));
    }

    [Fact]
    public void PartialWildcardsPassByDefaultAndFailWhenRejected()
    {
        // GIVEN the same s3:Get* grant under the default aspect and under the strict one
        var (_, lenient) = NewApp();
        NewRole(lenient, "Web").AddToPolicy(Allow("s3:Get*"));
        var (_, strict) = NewApp(new NoWildcardActionsAspect { RejectPartialWildcards = true });
        NewRole(strict, "Web").AddToPolicy(Allow("s3:Get*"));

        // WHEN synthesized THEN only the strict aspect reports it
        Assert.Empty(Errors(lenient));
        Assert.Contains("a partial wildcard", Assert.Single(Errors(strict)));
    }

    [Fact]
    public void ExplicitActionsFromGrantsAndDenyStatementsPass()
    {
        // GIVEN CDK grants with named actions and a Deny on every action
        var (_, stack) = NewApp();
        var role = NewRole(stack, "Web");
        new Queue(stack, "Tasks").GrantSendMessages(role);
        new Bucket(stack, "Assets").GrantRead(role);
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Actions = ["*"], Resources = ["*"] }));

        // WHEN synthesized THEN nothing is reported
        Assert.Empty(Errors(stack));
    }

    [Theory]
    [InlineData("*", "every action of every service")]
    [InlineData("s3:*", "every action of service 's3'")]
    [InlineData("s3:**", "every action of service 's3'")]
    [InlineData("*:GetObject", "a wildcard service")]
    [InlineData("sqs:SendMessage", null)]
    [InlineData("s3:GetObject*", null)]
    public void ActionsAreClassifiedByTheirWildcard(string action, string? expected) =>
        Assert.Equal(expected, WildcardActionRule.Classify(action, rejectPartialWildcards: false));
}
