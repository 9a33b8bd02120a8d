using Amazon.CDK.AWS.IAM;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// Allow statements built with one cheap jsii call each. <see cref="PolicyStatement.FromJson"/> is a static call that
/// returns a reference, about half the cost of <c>new PolicyStatement(props)</c> (a create, for which jsii's .NET side
/// also inspects the C# class for overrides); the statement it builds renders exactly the same.
/// </summary>
internal static class Statements
{
    public static PolicyStatement Allow(string[] actions, params string[] resources) =>
        PolicyStatement.FromJson(new Dictionary<string, object>
        {
            ["Effect"] = "Allow",
            ["Action"] = actions,
            ["Resource"] = resources,
        });

    /// <summary>A resource-policy statement that lets an AWS service principal act on <paramref name="resource"/> under <paramref name="condition"/>.</summary>
    public static PolicyStatement AllowService(string servicePrincipal, string[] actions, string resource, Dictionary<string, object> condition) =>
        PolicyStatement.FromJson(new Dictionary<string, object>
        {
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["Service"] = servicePrincipal },
            ["Action"] = actions,
            ["Resource"] = resource,
            ["Condition"] = condition,
        });
}
