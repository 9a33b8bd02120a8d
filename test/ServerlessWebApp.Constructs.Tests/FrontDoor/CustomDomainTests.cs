using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;
using Annotations = Amazon.CDK.Assertions.Annotations;

namespace Serverless.WebApp.Constructs.Tests.FrontDoor;

/// <summary>A custom domain on the HTTP and the REST API: certificate, TLS 1.2, mapping, alias record, mutual TLS, URL output and property.</summary>
[Collection("cdk")]
public class CustomDomainTests
{
    private const string CertificateArn = ExampleArns.Certificate;

    private static readonly (Stack Stack, ServerlessWebApp App) HttpWithZone = TestStacks.Create(
        p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); },
        (stack, p) => p.Domain = new ServerlessWebAppDomainProps { DomainName = "api.example.com", HostedZone = Zone(stack), BasePath = "foundry" });

    private static readonly TemplateJson Http = new(Template.FromStack(HttpWithZone.Stack));

    private static readonly (Stack Stack, ServerlessWebApp App) RestWithMutualTls = TestStacks.Create(
        p => p.FrontDoor = FrontDoorKind.RestApi,
        (stack, p) => p.Domain = new ServerlessWebAppDomainProps
        {
            DomainName = "api.example.com",
            Certificate = Certificate.FromCertificateArn(stack, "Certificate", CertificateArn),
            TruststoreBucket = Bucket.FromBucketName(stack, "Truststore", "foundry-truststore"),
            TruststoreKey = "truststore.pem",
            TruststoreVersion = "v7",
        });

    private static readonly TemplateJson Rest = new(Template.FromStack(RestWithMutualTls.Stack));

    private static IHostedZone Zone(Stack stack) => HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes
    {
        HostedZoneId = "Z0123456789ABCDEFGHIJ",
        ZoneName = "example.com",
    });

    [Fact]
    public void HttpApiDomainIsRegionalWithTls12AndADnsValidatedCertificateFromTheZone()
    {
        Http.Template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DomainName"] = "api.example.com",
            ["ValidationMethod"] = "DNS",
            ["DomainValidationOptions"] = new object[] { new Dictionary<string, object> { ["DomainName"] = "api.example.com", ["HostedZoneId"] = "Z0123456789ABCDEFGHIJ" } },
        }));
        var certificate = Http.OfType("AWS::CertificateManager::Certificate").Single().Key;
        Http.Template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DomainName"] = "api.example.com",
            ["DomainNameConfigurations"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["CertificateArn"] = new Dictionary<string, object> { ["Ref"] = certificate },
                    ["EndpointType"] = "REGIONAL",
                    ["SecurityPolicy"] = "TLS_1_2",
                }),
            },
        }));
    }

    [Fact]
    public void HttpApiDomainMapsTheBasePathToTheStageAndGetsAnAliasRecord()
    {
        var api = Http.OfType("AWS::ApiGatewayV2::Api").Single().Key;
        Http.Template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ApiId"] = new Dictionary<string, object> { ["Ref"] = api },
            ["ApiMappingKey"] = "foundry",
            ["Stage"] = "$default",
        }));
        var domain = Http.OfType("AWS::ApiGatewayV2::DomainName").Single().Key;
        Http.Template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Name"] = "api.example.com.",
            ["Type"] = "A",
            ["HostedZoneId"] = "Z0123456789ABCDEFGHIJ",
            ["AliasTarget"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DNSName"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { domain, "RegionalDomainName" } },
            }),
        }));
    }

    [Fact]
    public void CustomUrlIsAnOutputAndAPropertyBesideTheApiUrl()
    {
        var (_, app) = HttpWithZone;
        Assert.Equal("https://api.example.com/foundry/", app.CustomDomainUrl);
        Assert.NotNull(app.HttpApiDomainName);
        Assert.NotNull(app.DomainCertificate);
        Assert.NotNull(app.DomainRecord);
        Assert.Null(app.RestApiDomainName);
        Assert.Contains(Http.Outputs, o => o.Key.StartsWith("WebAppCustomUrl", StringComparison.Ordinal) && (string?)o.Value!["Value"] == "https://api.example.com/foundry/");
        // The API's own endpoint stays on without mutual TLS, and Url is still that one.
        Assert.DoesNotContain("DisableExecuteApiEndpoint", Http.Properties(Http.OfType("AWS::ApiGatewayV2::Api").Single().Key).Select(p => p.Key));
        Assert.NotEqual(app.CustomDomainUrl, app.Url);
    }

    [Fact]
    public void RestApiDomainUsesTheSuppliedCertificateWithMutualTlsAndTurnsTheDefaultEndpointOff()
    {
        Rest.Template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        Rest.Template.HasResourceProperties("AWS::ApiGateway::DomainName", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DomainName"] = "api.example.com",
            ["RegionalCertificateArn"] = CertificateArn,
            ["EndpointConfiguration"] = new Dictionary<string, object> { ["Types"] = new[] { "REGIONAL" } },
            ["SecurityPolicy"] = "TLS_1_2",
            ["MutualTlsAuthentication"] = new Dictionary<string, object> { ["TruststoreUri"] = "s3://foundry-truststore/truststore.pem", ["TruststoreVersion"] = "v7" },
        }));
        var api = Rest.OfType("AWS::ApiGateway::RestApi").Single();
        Assert.True((bool)api.Value["Properties"]!["DisableExecuteApiEndpoint"]!);
        Rest.Template.HasResourceProperties("AWS::ApiGateway::BasePathMapping", Match.ObjectLike(new Dictionary<string, object>
        {
            ["RestApiId"] = new Dictionary<string, object> { ["Ref"] = api.Key },
            ["Stage"] = Match.AnyValue(),
        }));
        // Without a zone: no record, and the name to point a CNAME at is an output.
        Rest.Template.ResourceCountIs("AWS::Route53::RecordSet", 0);
        Assert.Contains(Rest.Outputs, o => o.Key.StartsWith("WebAppCustomDomainTarget", StringComparison.Ordinal));
        // With the default endpoint off, the custom URL is the front door's URL.
        var (_, app) = RestWithMutualTls;
        Assert.Equal("https://api.example.com/", app.Url);
        Assert.Equal(app.Url, app.CustomDomainUrl);
        Assert.NotNull(app.RestApiDomainName);
    }

    [Fact]
    public void KeepingTheDefaultEndpointWithMutualTlsIsAWarning()
    {
        var (stack, _) = TestStacks.Create(null, (stack, p) => p.Domain = new ServerlessWebAppDomainProps
        {
            DomainName = "api.example.com",
            Certificate = Certificate.FromCertificateArn(stack, "Certificate", CertificateArn),
            TruststoreBucket = Bucket.FromBucketName(stack, "Truststore", "foundry-truststore"),
            TruststoreKey = "truststore.pem",
            DisableDefaultEndpoint = false,
        });
        Annotations.FromStack(stack).HasWarning("/TestStack/WebApp", Match.StringLikeRegexp(ServerlessWebAppWarnings.MutualTlsBypassable));
        Template.FromStack(stack).HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new Dictionary<string, object>
        {
            ["MutualTlsAuthentication"] = Match.ObjectLike(new Dictionary<string, object> { ["TruststoreUri"] = "s3://foundry-truststore/truststore.pem" }),
        }));
    }
}
