using System.Text.Json;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Control;

/// <summary>Recognises the construct's control events: <c>{"serverlessWebApp": {"kind": ..., ...}}</c>.</summary>
internal static class ControlEvents
{
    /// <summary>The envelope when <paramref name="lambdaEvent"/> is a control event of <paramref name="kind"/>.</summary>
    public static bool TryGetEnvelope(JsonElement lambdaEvent, string kind, out JsonElement envelope)
    {
        envelope = default;
        if (lambdaEvent.ValueKind != JsonValueKind.Object ||
            !lambdaEvent.TryGetProperty(SwaControlEvent.Envelope, out var found) || found.ValueKind != JsonValueKind.Object ||
            !found.TryGetProperty(SwaControlEvent.Kind, out var value) || value.ValueKind != JsonValueKind.String ||
            !value.ValueEquals(kind))
        {
            return false;
        }
        envelope = found;
        return true;
    }
}
