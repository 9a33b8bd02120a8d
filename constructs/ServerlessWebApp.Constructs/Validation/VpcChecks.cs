namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The VPC attachment: <c>Vpc</c>, <c>VpcSubnets</c> and <c>SecurityGroups</c>.</summary>
internal static class VpcChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.Vpc is not null)
        {
            Amazon.CDK.AWS.EC2.ISelectedSubnets selected;
            try { selected = props.Vpc.SelectSubnets(props.VpcSubnets); }
            catch (Exception e)
            {
                findings.Error(nameof(props.VpcSubnets), $"cannot be selected in the VPC ({e.Message.Replace("Error: ", "")}); allowed: a selection matching at least one private subnet");
                return;
            }
            if (selected.HasPublic)
                findings.Error(nameof(props.VpcSubnets), "selects public subnets, where a Lambda function gets no public IP and cannot reach the internet; allowed: private subnets (SubnetType.PRIVATE_WITH_EGRESS or PRIVATE_ISOLATED)" +
                    (props.VpcSubnets is null ? " — the VPC's default selection is public, so set VpcSubnets" : ""));
            if (selected.SubnetIds.Length == 0)
                findings.Error(nameof(props.VpcSubnets), "selects no subnet of the VPC; allowed: a selection matching at least one private subnet");
            return;
        }
        if (props.VpcSubnets is not null)
            findings.Error(nameof(props.VpcSubnets), "is set without Vpc; allowed: VpcSubnets only together with Vpc");
        if (props.SecurityGroups is not null)
            findings.Error(nameof(props.SecurityGroups), "is set without Vpc; allowed: SecurityGroups only together with Vpc");
    }
}
