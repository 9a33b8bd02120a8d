using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Constructs;
using ServerlessWebApp.Constructs.Assets;
using ServerlessWebApp.Constructs.Bundling;
using ServerlessWebApp.Constructs.FrontDoor;
using ServerlessWebApp.Constructs.Functions;
using ServerlessWebApp.Constructs.Iam;
using ServerlessWebApp.Constructs.Nag;
using ServerlessWebApp.Constructs.Network;
using ServerlessWebApp.Constructs.Validation;
using ServerlessWebApp.Contract;

namespace ServerlessWebApp.Constructs;

/// <summary>
/// An ASP.NET Core app on Lambda: its function with a <c>live</c> alias, a front door, optional VPC attachment,
/// least-privilege IAM (or supplied roles) and S3 assets. Validates its props, builds each part, exposes them.
/// </summary>
public class ServerlessWebApp : Construct, IConnectable
{
    // Server access logs are delivered under a bucket policy (not ACLs), which works with BucketOwnerEnforced.
    private const string AccessLogsUseBucketPolicyFlag = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    public ServerlessWebApp(Construct scope, string id, ServerlessWebAppProps props) : base(scope, id)
    {
        ServerlessWebAppPropsValidator.Validate(Node.Path, props);
        DefaultOverrideWarnings.Announce(this, props);
        Node.SetContext(AccessLogsUseBucketPolicyFlag, true);
        Props = props;

        AppCode = CodeBuilder.Build(props, FunctionDefaults.Target(props));
        Network = NetworkBuilder.Build(this, props);
        Web = FunctionBuilder.Build(this, "Function", props, AppCode, Network, SwaEnvironment.WebRole, props.Role);
        Assets = AssetsBuilder.Build(this, props, Web);
        FrontDoor = FrontDoorBuilder.Build(this, props, Web);
        OrganisationRolePolicy.Apply(this, props);
        ServerlessWebAppAcknowledgements.Apply(this, props, Web, FrontDoor, Assets);
    }

    /// <summary>The web function. Triggers must target <see cref="Alias"/>, not this.</summary>
    public Amazon.CDK.AWS.Lambda.Function Function => Web.Function;

    /// <summary>The <c>live</c> alias on the latest published version; every trigger targets it.</summary>
    public Alias Alias => Web.Alias;

    /// <summary>The function's execution role: the one created here, or (an immutable view of) the supplied <c>Role</c>.</summary>
    public IRole Role => Web.Role;

    /// <summary>The HTTP API, when <c>FrontDoor</c> is <see cref="FrontDoorKind.HttpApi"/>.</summary>
    public HttpApi? HttpApi => FrontDoor.HttpApi;

    /// <summary>The REST API, when <c>FrontDoor</c> is <see cref="FrontDoorKind.RestApi"/>.</summary>
    public RestApi? RestApi => FrontDoor.RestApi;

    /// <summary>The HTTP or REST API, whichever front door was built.</summary>
    public Amazon.CDK.IResource? Api => (Amazon.CDK.IResource?)FrontDoor.HttpApi ?? FrontDoor.RestApi;

    /// <summary>The usage plan of a REST API with API keys.</summary>
    public UsagePlan? UsagePlan => FrontDoor.UsagePlan;

    /// <summary>The function URL, when <c>FrontDoor</c> is <see cref="FrontDoorKind.FunctionUrl"/>.</summary>
    public IFunctionUrl? FunctionUrl => FrontDoor.FunctionUrl;

    /// <summary>The public URL of the front door (also a stack output); null without one.</summary>
    public string? Url => FrontDoor.Url;

    /// <summary>The private bucket with the app's static files, when there are any.</summary>
    public IBucket? StaticAssetsBucket => Assets.StaticAssetsBucket;

    /// <summary>The uploads bucket, when <c>UploadsBucket</c> is true.</summary>
    public IBucket? UploadsBucket => Assets.UploadsBucket;

    /// <summary>Security-group connections of the function (VPC only).</summary>
    public Connections_ Connections => Network is not null
        ? Web.Function.Connections
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' is not in a VPC, so it has no security groups; set Vpc to use Connections.");

    /// <summary>Allows <paramref name="grantee"/> to invoke the <c>live</c> alias directly.</summary>
    public Grant GrantInvoke(IGrantable grantee) => Web.Alias.GrantInvoke(grantee);

    /// <summary>Allows <paramref name="grantee"/> to call an IAM-authorized function URL (both actions Lambda requires).</summary>
    public Grant GrantInvokeUrl(IGrantable grantee) => FrontDoor.FunctionUrl is { } url
        ? FunctionUrlBuilder.GrantInvokeUrl(url, Web.Alias, grantee)
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' has no function URL; GrantInvokeUrl needs FrontDoor FunctionUrl.");

    /// <summary>Allows <paramref name="grantee"/> to list and read the static assets (explicit actions, no wildcard).</summary>
    public Grant GrantReadStaticAssets(IGrantable grantee) => Assets.StaticAssetsBucket is { } bucket
        ? Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = new[] { "s3:GetObject", "s3:ListBucket" },
            ResourceArns = new[] { bucket.BucketArn, bucket.ArnForObjects("*") },
        })
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' has no static assets bucket.");

    // ---- Internal seams for composing further parts (task queue, worker, keep-warm, schedules) ----

    /// <summary>The props as given (validated).</summary>
    internal ServerlessWebAppProps Props { get; }

    /// <summary>The code asset with its runtime and handler; reuse it for a worker function of the same app.</summary>
    internal AppCode AppCode { get; }

    /// <summary>VPC placement shared by all functions of the app, or null.</summary>
    internal NetworkPlacement? Network { get; }

    /// <summary>The web function's parts; grant it permissions only through <see cref="FunctionParts.PermissionsTarget"/>.</summary>
    internal FunctionParts Web { get; }

    internal FrontDoorParts FrontDoor { get; }

    internal AssetsParts Assets { get; }

    /// <summary>Builds another function of this app (e.g. the task worker) with the same code, settings, VPC and IAM rules.</summary>
    internal FunctionParts AddFunction(string id, string functionRole, IRole? suppliedRole, Amazon.CDK.Duration? timeout = null) =>
        FunctionBuilder.Build(this, id, Props, AppCode, Network, functionRole, suppliedRole, timeout);
}
