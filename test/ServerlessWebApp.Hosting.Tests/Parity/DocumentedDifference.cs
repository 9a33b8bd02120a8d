namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// A request shape whose answer through the given front doors cannot be Kestrel's, because of what the front door
/// itself does to the request or the response. The bridge must then answer exactly as Kestrel answers
/// <see cref="EquivalentTarget"/> (the request as the front door lets the app see it), with
/// <see cref="Transform"/> applied (what the front door does to the answer).
/// </summary>
internal sealed record DocumentedDifference(
    string Shape,
    FrontDoorKind[] FrontDoors,
    string Reason,
    string? EquivalentTarget = null,
    Func<ClientResponse, ClientResponse>? Transform = null);
