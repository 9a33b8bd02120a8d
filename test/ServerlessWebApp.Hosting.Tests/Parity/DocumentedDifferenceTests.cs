namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// Each documented difference from Kestrel still exists, and is no more than the front door's doing: the bridge
/// answers exactly as Kestrel answers the request as the front door lets the app see it.
/// </summary>
public sealed class DocumentedDifferenceTests(ParityFixture fixture) : IClassFixture<ParityFixture>
{
    public static TheoryData<string, FrontDoorKind> Cases()
    {
        var data = new TheoryData<string, FrontDoorKind>();
        foreach (var difference in DocumentedDifferences.All)
        {
            foreach (var frontDoor in difference.FrontDoors) data.Add(difference.Shape, frontDoor);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheDifferenceIsExactlyWhatTheFrontDoorDoes(string shape, FrontDoorKind frontDoorKind)
    {
        var difference = DocumentedDifferences.For(shape, frontDoorKind)!;
        var request = ParityShapes.Find(shape);
        var frontDoor = ParityFixture.FrontDoor(frontDoorKind);

        var bridge = await fixture.Bridge.SendAsync(frontDoor, request);
        var kestrelAsSent = await fixture.KestrelAnswerAsync(request, frontDoor.Host);
        var equivalent = difference.EquivalentTarget is null ? request : request with { Name = $"{request.Name} seen as {difference.EquivalentTarget}", Target = difference.EquivalentTarget };
        var kestrelAsSeen = await fixture.KestrelAnswerAsync(equivalent, frontDoor.Host);

        Assert.NotEmpty(ParityAssert.Differences(kestrelAsSent, bridge));
        ParityAssert.Same((difference.Transform ?? (r => r))(kestrelAsSeen), bridge);
    }
}
