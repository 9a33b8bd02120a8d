namespace Serverless.WebApp.Hosting.Tests.Runtime.SocketClient;

/// <summary>How <see cref="ScriptedRuntimeApi"/> answers one request.</summary>
/// <param name="Bytes">The raw answer (may be empty, or hold more than one response).</param>
/// <param name="CloseAfter">Close the connection after writing (without any header saying so).</param>
/// <param name="OneByteAtATime">Write and flush each byte separately, so the client sees split reads.</param>
/// <param name="HoldUntilNextRequest">Read the next request on the connection before answering this one.</param>
/// <param name="Gate">Wait for this before answering.</param>
internal sealed record ScriptedAnswer(
    byte[] Bytes,
    bool CloseAfter = false,
    bool OneByteAtATime = false,
    bool HoldUntilNextRequest = false,
    Task? Gate = null)
{
    /// <summary>Close the connection without answering.</summary>
    public static ScriptedAnswer Hangup { get; } = new([], CloseAfter: true);
}
