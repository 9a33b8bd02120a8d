using System.Text.Json;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// One event source as its documentation describes it: how it turns a client's request into an event, and how it
/// turns the function's answer into the response the client receives.
/// </summary>
internal interface IFrontDoor
{
    FrontDoorKind Kind { get; }

    /// <summary>The host name the client connects to (and sends as Host).</summary>
    string Host { get; }

    string BuildEvent(ParityRequest request, MutualTls? clientCertificate);

    ClientResponse ReadResponse(JsonElement response);
}
