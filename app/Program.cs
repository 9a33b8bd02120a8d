using Serverless.WebApp.CdkApp;

try
{
    var assembly = FoundryServiceApp.Build(new Amazon.CDK.App(), region => new StsAccountResolver(region)).Synth();
    // stderr: the CDK CLI shows it, and stdout stays free for the CLI's own output.
    Console.Error.WriteLine("Synthesized CloudFormation templates:");
    foreach (var stack in assembly.StacksRecursively)
    {
        Console.Error.WriteLine($"  {stack.StackName}: {Path.GetRelativePath(Directory.GetCurrentDirectory(), stack.TemplateFullPath)}");
    }
    return 0;
}
catch (AccountResolutionException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
