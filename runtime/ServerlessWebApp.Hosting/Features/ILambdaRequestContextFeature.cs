using System.Text.Json;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// The Lambda side of the current HTTP request: which source sent it, the raw <c>requestContext</c> (authorizer,
/// identity, stage, domain, …) and the invocation (request id, deadline, function ARN). Read it with
/// <c>HttpContext.Features.Get&lt;ILambdaRequestContextFeature&gt;()</c>; it is absent outside Lambda.
/// </summary>
public interface ILambdaRequestContextFeature
{
    /// <summary>The service that delivered the request.</summary>
    LambdaEventSource Source { get; }

    /// <summary>
    /// The event's <c>requestContext</c> object exactly as received (<see cref="JsonValueKind.Undefined"/> for a direct
    /// invocation). Valid only while the request runs: call <see cref="JsonElement.Clone"/> to keep it.
    /// </summary>
    JsonElement RequestContext { get; }

    /// <summary>The Lambda invocation carrying the request.</summary>
    LambdaInvocation Invocation { get; }
}
