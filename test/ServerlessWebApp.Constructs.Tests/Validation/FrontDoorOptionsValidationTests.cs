using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Serverless.WebApp.Constructs.Tests.Support;

using static Serverless.WebApp.Constructs.Tests.Support.PropsRejection;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>One test per validation error of the custom domain, CORS, routes, binary media types and WAF: a synth error naming the property and what is allowed.</summary>
[Collection("cdk")]
public class FrontDoorOptionsValidationTests
{
    private const string CertificateArn = ExampleArns.Certificate;

    private static ServerlessWebAppDomainProps Domain(Stack stack, string name = "api.example.com") =>
        new() { DomainName = name, Certificate = Certificate.FromCertificateArn(stack, "Certificate", CertificateArn) };

    private static void Authorized(ServerlessWebAppProps p)
    {
        p.PublicAccess = null;
        p.Authorization = ApiAuthorization.Iam();
    }

    // ---- Domain ----

    [Fact] public void DomainOnAFunctionUrlIsRejected() => Assert.Contains("CloudFront", Rejected("Domain", (s, p) => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.Domain = Domain(s); }));
    [Fact] public void DomainWithoutAFrontDoorIsRejected() => Rejected("Domain", (s, p) => { p.FrontDoor = FrontDoorKind.None; p.PublicAccess = null; p.Domain = Domain(s); });
    [Fact] public void DomainWithoutANameIsRejected() => Rejected("Domain.DomainName", (s, p) => p.Domain = Domain(s, ""));
    [Fact] public void InvalidDomainNameIsRejected() => Assert.Contains("labels", Rejected("Domain.DomainName", (s, p) => p.Domain = Domain(s, "-api.example.com")));
    [Fact] public void WildcardDomainNameIsRejected() => Rejected("Domain.DomainName", (s, p) => p.Domain = Domain(s, "*.example.com"));
    [Fact] public void SingleLabelDomainNameIsRejected() => Rejected("Domain.DomainName", (s, p) => p.Domain = Domain(s, "localhost"));
    [Fact] public void DomainWithoutCertificateOrZoneIsRejected() => Assert.Contains("HostedZone", Rejected("Domain.Certificate", (_, p) => p.Domain = new ServerlessWebAppDomainProps { DomainName = "api.example.com" }));

    [Fact]
    public void DomainOutsideItsHostedZoneIsRejected() => Assert.Contains("example.com", Rejected("Domain.DomainName", (s, p) => p.Domain = new ServerlessWebAppDomainProps
    {
        DomainName = "api.other.org",
        HostedZone = HostedZone.FromHostedZoneAttributes(s, "Zone", new HostedZoneAttributes { HostedZoneId = "Z1", ZoneName = "example.com" }),
    }));

    [Fact] public void BasePathWithASlashIsRejected() => Rejected("Domain.BasePath", (s, p) => { p.Domain = Domain(s); p.Domain.BasePath = "v1/orders"; });
    [Fact] public void TruststoreBucketWithoutKeyIsRejected() => Rejected("Domain.TruststoreKey", (s, p) => { p.Domain = Domain(s); p.Domain.TruststoreBucket = Bucket.FromBucketName(s, "T", "truststore"); });
    [Fact] public void TruststoreKeyWithoutBucketIsRejected() => Rejected("Domain.TruststoreBucket", (s, p) => { p.Domain = Domain(s); p.Domain.TruststoreKey = "truststore.pem"; });
    [Fact] public void TruststoreVersionWithoutTruststoreIsRejected() => Rejected("Domain.TruststoreVersion", (s, p) => { p.Domain = Domain(s); p.Domain.TruststoreVersion = "v1"; });

    // ---- Cors ----

    [Fact] public void CorsWithoutOriginsIsRejected() => Rejected("Cors.AllowOrigins", (_, p) => p.Cors = new ServerlessWebAppCorsProps());
    [Fact] public void CredentialsWithTheStarOriginAreRejected() => Assert.Contains("'*'", Rejected("Cors.AllowCredentials", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"], AllowCredentials = true }));
    [Fact] public void StarOriginAmongOthersIsRejected() => Rejected("Cors.AllowOrigins", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*", "https://app.example.com"] });
    [Fact] public void OriginWithAPathIsRejected() => Rejected("Cors.AllowOrigins", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["https://app.example.com/"] });
    [Fact] public void OriginWithoutSchemeIsRejected() => Rejected("Cors.AllowOrigins", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["app.example.com"] });
    [Fact] public void UnknownCorsMethodIsRejected() => Rejected("Cors.AllowMethods", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"], AllowMethods = ["FETCH"] });
    [Fact] public void InvalidHeaderNameIsRejected() => Rejected("Cors.AllowHeaders", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"], AllowHeaders = ["X Bad"] });
    [Fact] public void InvalidExposeHeaderIsRejected() => Rejected("Cors.ExposeHeaders", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"], ExposeHeaders = ["X-Task-Id:"] });
    [Fact] public void MaxAgeAboveADayIsRejected() => Rejected("Cors.MaxAge", (_, p) => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"], MaxAge = Duration.Days(2) });
    [Fact] public void CorsWithoutAFrontDoorIsRejected() => Rejected("Cors", (_, p) => { p.FrontDoor = FrontDoorKind.None; p.PublicAccess = null; p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"] }; });

    // ---- Routes ----

    [Fact] public void RoutesOnAFunctionUrlAreRejected() => Rejected("Routes", (_, p) => { p.FrontDoor = FrontDoorKind.FunctionUrl; Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /health")]; });
    [Fact] public void PublicRouteOnAPublicApiIsRejected() => Assert.Contains("PublicAccess", Rejected("Routes[0].Public", (_, p) => p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /health")]));
    [Fact] public void OverlappingRoutesAreRejected() => Assert.Contains("overlaps Routes[0]", Rejected("Routes[1].Route", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /items/{id}"), ServerlessWebAppRoute.PublicRoute("ANY /items/{name}")]; }));
    [Fact] public void DuplicateRoutesAreRejected() => Rejected("Routes[1].Route", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /health"), ServerlessWebAppRoute.Authorized("GET /health", ApiAuthorization.Iam())]; });
    [Fact] public void RouteWithoutMethodIsRejected() => Rejected("Routes[0].Route", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("/health")]; });
    [Fact] public void RouteWithUnknownMethodIsRejected() => Rejected("Routes[0].Route", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("get /health")]; });
    [Fact] public void RouteWithGreedyParameterBeforeTheEndIsRejected() => Rejected("Routes[0].Route", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /{proxy+}/x")]; });
    [Fact] public void RouteWithTrailingSlashIsRejected() => Rejected("Routes[0].Route", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /health/")]; });
    [Fact] public void DefaultRouteAsARouteIsRejected() => Rejected("Routes[0].Route", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.PublicRoute("ANY /{proxy+}")]; });
    [Fact] public void OptionsRouteWithCorsIsRejected() => Rejected("Routes[0].Route", (_, p) => { Authorized(p); p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"] }; p.Routes = [ServerlessWebAppRoute.PublicRoute("OPTIONS /health")]; });
    [Fact] public void RouteNeitherPublicNorAuthorizedIsRejected() => Rejected("Routes[0]", (_, p) => { Authorized(p); p.Routes = [new ServerlessWebAppRoute { Route = "GET /health" }]; });
    [Fact] public void RouteBothPublicAndAuthorizedIsRejected() => Rejected("Routes[0].Public", (_, p) => { Authorized(p); p.Routes = [new ServerlessWebAppRoute { Route = "GET /health", Public = true, Authorization = ApiAuthorization.Iam() }]; });
    [Fact] public void RouteAuthorizationTheFrontDoorLacksIsRejected() => Assert.Contains("ApiKeys", Rejected("Routes[0].Authorization", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.Authorized("GET /partners", ApiAuthorization.ApiKeys())]; }));
    [Fact] public void IncompleteRouteAuthorizationIsRejected() => Rejected("Routes[0].Authorization", (_, p) => { Authorized(p); p.Routes = [ServerlessWebAppRoute.Authorized("GET /admin", ApiAuthorization.Jwt("http://issuer", "a"))]; });

    [Fact]
    public void RestSiblingParametersWithDifferentNamesAreRejected() => Assert.Contains("one parameter name per position", Rejected("Routes[1].Route", (_, p) =>
    {
        p.FrontDoor = FrontDoorKind.RestApi;
        Authorized(p);
        p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /items/{id}"), ServerlessWebAppRoute.PublicRoute("GET /items/{name}/photo")];
    }));

    [Fact]
    public void RestRootParameterOtherThanProxyIsRejected() => Rejected("Routes[0].Route", (_, p) =>
    {
        p.FrontDoor = FrontDoorKind.RestApi;
        Authorized(p);
        p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /{tenant}")];
    });

    // ---- Binary media types and WAF ----

    [Fact] public void BinaryMediaTypesOnAnHttpApiAreRejected() => Rejected("BinaryMediaTypes", (_, p) => p.BinaryMediaTypes = ["image/png"]);
    [Fact] public void InvalidBinaryMediaTypeIsRejected() => Rejected("BinaryMediaTypes", (_, p) => { p.FrontDoor = FrontDoorKind.RestApi; p.BinaryMediaTypes = ["png"]; });
    [Fact] public void WebAclOnAnHttpApiIsRejectedSayingApiGatewayOffersNoAssociation() => Assert.Contains("no WAF association for HTTP APIs", Rejected("WebAclArn", (_, p) => p.WebAclArn = ExampleArns.WebAcl));
    [Fact] public void WebAclOnAFunctionUrlIsRejected() => Rejected("WebAclArn", (_, p) => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.WebAclArn = ExampleArns.WebAcl; });
    [Fact] public void WebAclArnOfAnotherKindIsRejected() => Assert.Contains("regional", Rejected("WebAclArn", (_, p) => { p.FrontDoor = FrontDoorKind.RestApi; p.WebAclArn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"; }));

    [Fact]
    public void EveryFrontDoorOptionErrorIsReportedInOneSynth()
    {
        var stack = TestStacks.NewStack();
        var props = TestStacks.Props(p =>
        {
            p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"], AllowCredentials = true };
            p.Routes = [ServerlessWebAppRoute.PublicRoute("GET /health")];
            p.WebAclArn = ExampleArns.WebAcl;
            p.Domain = new ServerlessWebAppDomainProps { DomainName = "api.example.com" };
        });
        _ = new ServerlessWebApp(stack, "WebApp", props);
        var errors = SynthMessages.ErrorsOn(stack, "/TestStack/WebApp");
        foreach (var property in new[] { "Cors.AllowCredentials", "Routes[0].Public", "WebAclArn", "Domain.Certificate" })
            Assert.Contains(errors, e => e.StartsWith(property + " ", StringComparison.Ordinal));
    }
}
