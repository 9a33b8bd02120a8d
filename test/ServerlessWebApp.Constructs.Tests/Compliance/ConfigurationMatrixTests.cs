using System.Text.Json;
using Xunit.Abstractions;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// The compliance gate over the configuration matrix (<see cref="ComplianceConfigurations"/>): every configuration's
/// template is in artifacts/compliance, passes cdk-nag AwsSolutions and Serverless with nothing unsuppressed, has no
/// wildcard action, and honours the organisation's IAM settings.
/// </summary>
[Collection("cdk")]
public class ConfigurationMatrixTests(ITestOutputHelper output)
{
    private static ComplianceMatrix Matrix => ComplianceMatrix.Instance;

    public static TheoryData<string> Configurations => new(ComplianceConfigurations.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Configurations))]
    public void ConfigurationPassesAwsSolutionsAndServerlessChecks(string configuration)
    {
        // GIVEN the configuration synthesized and checked with the rest of the matrix
        var result = Matrix[configuration];
        output.WriteLine($"matrix of {Matrix.Results.Count} configurations: synth {Matrix.SynthesisTime.TotalSeconds:F1} s, total with cdk-nag {Matrix.TotalTime.TotalSeconds:F1} s");

        // THEN its template is where the docs say, and it has no unsuppressed error or warning
        Assert.Equal(Path.Combine(ComplianceGate.ArtifactsDirectory, $"{configuration}.template.json"), result.Report.TemplatePath);
        Assert.True(File.Exists(result.Report.TemplatePath), $"no template for {configuration}");
        ComplianceGate.FailOnFindings(configuration, result.Stack, result.Report);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void ConfigurationHasNoWildcardActions(string configuration)
    {
        // GIVEN the configuration synthesized with NoWildcardActionsAspect on its stack
        var result = Matrix[configuration];

        // THEN synthesis raised no error annotation (the aspect reports each wildcard statement as one)
        Assert.Empty(result.SynthesisErrors);
        // AND, read back from the template, no policy names every action or every action of a service
        Assert.All(ActionsOf(result), action =>
            Assert.False(action == "*" || action.EndsWith(":*", StringComparison.Ordinal), $"{configuration}: wildcard action '{action}'"));
    }

    [Fact]
    public void EveryCreatedRoleCarriesThePermissionsBoundaryPathAndNamePrefix()
    {
        foreach (var configuration in ComplianceConfigurations.All.Where(c => c.PermissionsBoundaryName is not null))
        {
            // GIVEN a configuration with a boundary and CDK helper roles (REST API logging, asset deployment)
            var roles = Matrix[configuration.Name].ResourcesOfType("AWS::IAM::Role").ToList();
            Assert.True(roles.Count >= 5, $"{configuration}: expected the web, worker, scheduler, REST API logging and asset deployment roles, got {roles.Count}");

            // THEN every role created anywhere in the stack carries the boundary, the path and the name prefix
            foreach (var (id, role) in roles)
            {
                var properties = role.GetProperty("Properties");
                Assert.True(properties.TryGetProperty("PermissionsBoundary", out var boundary), $"{configuration}: role {id} has no permissions boundary");
                Assert.Contains(configuration.PermissionsBoundaryName!, boundary.GetRawText());
                Assert.Equal("/apps/", properties.GetProperty("Path").GetString());
                Assert.Contains("swa-", properties.GetProperty("RoleName").GetRawText());
            }
        }
    }

    [Fact]
    public void RolesWithoutABoundaryConfigurationCarryNone()
    {
        // GIVEN configurations that set no boundary THEN no role gets one (the boundary is not a hidden default)
        foreach (var configuration in ComplianceConfigurations.All.Where(c => c.PermissionsBoundaryName is null))
        {
            foreach (var (id, role) in Matrix[configuration.Name].ResourcesOfType("AWS::IAM::Role"))
                Assert.False(role.GetProperty("Properties").TryGetProperty("PermissionsBoundary", out _), $"{configuration}: role {id} has a boundary nobody asked for");
        }
    }

    [Fact]
    public void SuppliedRoleConfigurationsCreateNoIamRoleOrPolicy()
    {
        var supplied = ComplianceConfigurations.All.Where(c => c.SuppliesRoles).ToList();
        Assert.NotEmpty(supplied);
        foreach (var configuration in supplied)
        {
            // GIVEN every role supplied by the platform team
            var result = Matrix[configuration.Name];

            // THEN the template holds no IAM role, policy, managed policy or user policy at all
            var iam = result.Resources.Where(r => r.Resource.GetProperty("Type").GetString()!.StartsWith("AWS::IAM::", StringComparison.Ordinal)).ToList();
            Assert.True(iam.Count == 0, $"{configuration}: IAM resources created despite supplied roles: {string.Join(", ", iam.Select(r => r.LogicalId))}");
            // AND it points the platform team at the required-permissions report instead
            Assert.Contains(result.Template.GetProperty("Outputs").EnumerateObject(), o => o.Name.Contains("RequiredPermissions", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void MatrixCoversEveryFrontDoorAndAuthorizationKind()
    {
        // GIVEN all matrix templates THEN each front door and each authorization mechanism is exercised
        var templates = Matrix.Results.Values.Select(r => JsonSerializer.Serialize(r.Template)).ToList();
        bool Any(string text) => templates.Any(t => t.Contains(text, StringComparison.Ordinal));

        Assert.True(Any("AWS::ApiGatewayV2::Api") && Any("AWS::ApiGateway::RestApi") && Any("AWS::Lambda::Url"));
        Assert.Contains(Matrix.Results, r => !r.Value.Template.GetRawText().Contains("AWS::ApiGateway", StringComparison.Ordinal)
                                             && !r.Value.Template.GetRawText().Contains("AWS::Lambda::Url", StringComparison.Ordinal));
        foreach (var authorization in new[] { "\"AWS_IAM\"", "\"JWT\"", "\"COGNITO_USER_POOLS\"", "\"CUSTOM\"", "\"ApiKeyRequired\":true", "\"AuthType\":\"NONE\"" })
            Assert.True(Any(authorization), $"no configuration has {authorization}");
    }

    private static IEnumerable<string> ActionsOf(ComplianceMatrix.Result result) =>
        result.ResourcesOfType("AWS::IAM::Policy")
            .SelectMany(p => p.Resource.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            .SelectMany(s => s.TryGetProperty("Action", out var a)
                ? a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(x => x.GetString()!) : [a.GetString()!]
                : []);
}
