using Amazon.CDK;
using Constructs;
using Serverless.WebApp.Constructs;

namespace MyWebApp.Cdk;

/// <summary>The web app on Lambda: its function, front door, task queue and worker, keep-warm and command outputs.</summary>
public sealed class WebAppStack : Stack
{
    public WebAppStack(Construct scope, string id, WebAppStackProps props) : base(scope, id, props)
    {
        Web = new ServerlessWebApp(this, "Web", new ServerlessWebAppProps
        {
            ProjectPath = props.AppProjectPath,
            PublishMode = PublishMode.FrameworkDependent,
            FrontDoor = FrontDoorKind.HttpApi,
//#if (FrontDoor != "None")
            // Callers sign requests with AWS credentials (SigV4). Other choices: ApiAuthorization.Jwt(issuer, audience),
            // CognitoUserPool, LambdaAuthorizer, or PublicAccess = true for a deliberately public API.
            Authorization = ApiAuthorization.Iam(),
//#endif
            Tasks = new ServerlessWebAppTasksProps(),
            ManagementCommands = ["greet"],
        });
    }

    /// <summary>The construct: its function, alias, role, front door and task resources.</summary>
    public ServerlessWebApp Web { get; }
}
