using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.FrontDoor;

/// <summary>Binary media types on the REST API, and a supplied WAF web ACL on its stage.</summary>
[Collection("cdk")]
public class BinaryMediaAndWafTests
{
    [Fact]
    public void RestApiPassesEveryMediaTypeAsBinaryByDefaultSoBinaryResponsesWork()
    {
        var template = new TemplateJson(TestStacks.Synth(p => p.FrontDoor = FrontDoorKind.RestApi));
        var api = template.OfType("AWS::ApiGateway::RestApi").Single().Value["Properties"]!;
        Assert.Equal(["*/*"], api["BinaryMediaTypes"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public void RestApiTakesTheListedBinaryMediaTypes()
    {
        var template = new TemplateJson(TestStacks.Synth(p => { p.FrontDoor = FrontDoorKind.RestApi; p.BinaryMediaTypes = ["image/png", "application/pdf"]; }));
        var api = template.OfType("AWS::ApiGateway::RestApi").Single().Value["Properties"]!;
        Assert.Equal(["image/png", "application/pdf"], api["BinaryMediaTypes"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public void AnEmptyListTurnsBinaryMediaTypesOff()
    {
        var template = new TemplateJson(TestStacks.Synth(p => { p.FrontDoor = FrontDoorKind.RestApi; p.BinaryMediaTypes = []; }));
        Assert.Null(template.OfType("AWS::ApiGateway::RestApi").Single().Value["Properties"]!["BinaryMediaTypes"]);
    }

    [Fact]
    public void SuppliedWebAclIsAssociatedWithTheRestStageAndItsWafAcknowledgementIsGone()
    {
        var (stack, app) = TestStacks.Create(p => { p.FrontDoor = FrontDoorKind.RestApi; p.WebAclArn = ExampleArns.WebAcl; });
        var template = new TemplateJson(Template.FromStack(stack));
        var stage = template.OfType("AWS::ApiGateway::Stage").Single();
        var association = template.OfType("AWS::WAFv2::WebACLAssociation").Single().Value["Properties"]!;
        Assert.Equal(ExampleArns.WebAcl, (string?)association["WebACLArn"]);
        Assert.Contains($"\"Ref\":\"{stage.Key}\"", association["ResourceArn"]!.ToJsonString());
        Assert.Contains("/stages/", association["ResourceArn"]!.ToJsonString());
        Assert.NotNull(app.WebAclAssociation);
        // AwsSolutions-APIG3 is met by the association, so the stage carries no acknowledgement of it.
        Assert.DoesNotContain("AwsSolutions-APIG3", stage.Value["Metadata"]?.ToJsonString() ?? "");
    }
}
