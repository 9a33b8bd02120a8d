using System.Text.RegularExpressions;
using Amazon.CDK;
using Serverless.WebApp.Constructs.FrontDoor;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>What only a REST API offers: binary media types (<c>BinaryMediaTypes</c>) and a WAF web ACL association (<c>WebAclArn</c>).</summary>
internal static partial class RestApiFeatureChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        var kind = FrontDoorDefaults.Kind(props);
        if (props.BinaryMediaTypes is { } types)
        {
            if (kind != FrontDoorKind.RestApi)
                findings.Error(nameof(props.BinaryMediaTypes), $"is set but FrontDoor is {kind}, which passes binary bodies as they are; allowed: only with FrontDoor RestApi");
            foreach (var type in types)
            {
                if (!MediaType().IsMatch(type))
                    findings.Error(nameof(props.BinaryMediaTypes), $"'{type}' is not a media type; allowed: type/subtype such as image/png, image/* or */*");
            }
        }

        if (props.WebAclArn is not { } arn) return;
        if (kind == FrontDoorKind.HttpApi)
            findings.Error(nameof(props.WebAclArn), "is set but FrontDoor is HttpApi, and API Gateway offers no WAF association for HTTP APIs; allowed: FrontDoor RestApi, or CloudFront with the web ACL in front of the HTTP API");
        else if (kind != FrontDoorKind.RestApi)
            findings.Error(nameof(props.WebAclArn), $"is set but FrontDoor is {kind}, which has no API stage to associate a web ACL with; allowed: FrontDoor RestApi");
        if (!Token.IsUnresolved(arn) && !WebAcl().IsMatch(arn))
            findings.Error(nameof(props.WebAclArn), $"'{arn}' is not a regional web ACL ARN; allowed: arn:<partition>:wafv2:<region>:<account>:regional/webacl/<name>/<id>");
    }

    [GeneratedRegex(@"^(\*|[A-Za-z0-9!#$&^_.+-]+)/(\*|[A-Za-z0-9!#$&^_.+-]+)$")]
    private static partial Regex MediaType();

    [GeneratedRegex(@"^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:[0-9]{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[a-f0-9-]{36}$")]
    private static partial Regex WebAcl();
}
