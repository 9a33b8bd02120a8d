using Amazon.CDK;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Where a source is wired: the scope for its resources, a unique id, and the function with its timeout.</summary>
internal sealed record EventSourceTarget(Construct Scope, string Id, FunctionParts Function);

/// <summary>A wired source: the ARN its records carry, and the resource it created for the records (if any).</summary>
internal sealed record BoundEventSource(string Name, string SourceArn, IConstruct? Resource);
