using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>
/// All CDK tests share one jsii Node process, which must not be called from parallel tests: every CDK test class
/// joins the collection named "cdk". (If another folder defines the same collection, keep one definition.) The files
/// the tests write are removed after the last one (<see cref="TestFoldersCleanup"/>).
/// </summary>
[CollectionDefinition("cdk", DisableParallelization = true)]
public sealed class CdkCollection : ICollectionFixture<TestFoldersCleanup>;
