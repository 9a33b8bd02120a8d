using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// One configuration of the compliance matrix: a name (the template's file name under artifacts/compliance), what it
/// covers, and how to build its stack. Built lazily, once, by <see cref="ComplianceMatrix"/>.
/// </summary>
public sealed record ComplianceConfiguration(string Name, string Covers, Func<Stack> Build)
{
    /// <summary>Every role of the configuration is supplied: the template must hold no IAM role or policy.</summary>
    public bool SuppliesRoles { get; init; }

    /// <summary>Name of the permissions boundary every created role must carry, when the configuration sets one.</summary>
    public string? PermissionsBoundaryName { get; init; }

    /// <summary>Organisation-strict: every AWS Control Tower proactive control that applies to the template must pass.</summary>
    public bool OrgStrict { get; init; }

    public override string ToString() => Name;
}
