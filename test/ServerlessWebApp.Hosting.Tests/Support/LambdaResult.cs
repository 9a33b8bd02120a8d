using System.Text.Json;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>What the loop posted for one invocation: a /response payload or an /error report.</summary>
internal sealed record LambdaResult(string? Payload, LambdaErrorReport? Error)
{
    public bool IsError => Error is not null;

    /// <summary>The /response payload parsed (throws when the invocation failed, with the error in the message).</summary>
    public JsonElement Json => Payload is null
        ? throw new InvalidOperationException($"The invocation failed: {Error!.ErrorType}: {Error.ErrorMessage}")
        : JsonDocument.Parse(Payload).RootElement;
}
