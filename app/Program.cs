using ServerlessWebApp.CdkApp;

try
{
    FoundryServiceApp.Build(new Amazon.CDK.App(), region => new StsAccountResolver(region)).Synth();
    return 0;
}
catch (AccountResolutionException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
