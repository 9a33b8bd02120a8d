using Serverless.WebApp.EndToEnd.Tests.Tasks;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Trimmed;

/// <summary>The task stack with the sample published as Native AOT: a native <c>bootstrap</c> for <c>provided.al2023</c>.</summary>
public sealed class NativeAotTaskStack() : LambdaTaskStack(PublishMode.NativeAot);

/// <summary>The task stack with the sample published self-contained, trimmed and ReadyToRun (composite, AVX2) for <c>provided.al2023</c>.</summary>
public sealed class ReadyToRunTaskStack() : LambdaTaskStack(PublishMode.ReadyToRun);
