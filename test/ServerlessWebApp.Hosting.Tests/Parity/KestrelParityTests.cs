namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// Kestrel is the oracle: every request shape goes once to the app on Kestrel through a real HttpClient and once to
/// the same app behind the bridge as the event each front door would send, and the client must receive the same
/// status, body bytes and app headers. Differences that come from the front door itself are documented in the
/// hosting README and asserted in <see cref="DocumentedDifferenceTests"/>.
/// </summary>
public sealed class KestrelParityTests(ParityFixture fixture) : IClassFixture<ParityFixture>
{
    public static TheoryData<string, FrontDoorKind> Cases()
    {
        var data = new TheoryData<string, FrontDoorKind>();
        foreach (var shape in ParityShapes.All)
        {
            foreach (var frontDoor in ParityFixture.FrontDoors)
            {
                if (DocumentedDifferences.For(shape.Name, frontDoor.Kind) is null) data.Add(shape.Name, frontDoor.Kind);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheBridgeAnswersAsKestrelDoes(string shape, FrontDoorKind frontDoorKind)
    {
        var request = ParityShapes.Find(shape);
        var frontDoor = ParityFixture.FrontDoor(frontDoorKind);

        var kestrel = await fixture.KestrelAnswerAsync(request, frontDoor.Host);
        var bridge = await fixture.Bridge.SendAsync(frontDoor, request);

        ParityAssert.Same(kestrel, bridge);
    }
}
