namespace Serverless.WebApp.EndToEnd.Tests.Lambda;

/// <summary>One sample process serves every test in this collection, one invocation at a time as in Lambda.</summary>
[CollectionDefinition(Name)]
public sealed class LambdaSampleCollection : ICollectionFixture<LambdaSampleFixture>
{
    public const string Name = "lambda-sample";
}
