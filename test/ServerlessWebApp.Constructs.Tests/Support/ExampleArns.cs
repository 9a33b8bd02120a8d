namespace Serverless.WebApp.Constructs.Tests.Support;

/// <summary>ARNs of resources the tests and the compliance matrix pass in as supplied (they exist outside the stack).</summary>
public static class ExampleArns
{
    public const string Account = "123456789012";
    public const string WebAcl = $"arn:aws:wafv2:eu-west-1:{Account}:regional/webacl/foundry/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    public const string Certificate = $"arn:aws:acm:eu-west-1:{Account}:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
}
