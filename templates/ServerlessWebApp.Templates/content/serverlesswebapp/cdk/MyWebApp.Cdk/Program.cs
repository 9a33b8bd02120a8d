using Amazon.CDK;
using MyWebApp.Cdk;

// `npx --yes aws-cdk@2 synth` runs this from the folder that holds cdk.json.
var app = new App();
new WebAppStack(app, "SWA_STACK_NAME", new WebAppStackProps
{
    AppProjectPath = Path.Combine("src", "MyWebApp", "MyWebApp.csproj"),
    Description = "MyWebApp: an ASP.NET Core app on AWS Lambda",
});
app.Synth();
