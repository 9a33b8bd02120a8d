namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// The differences the hosting README lists under "Parity with Kestrel", as checks: each still exists (or the README
/// is wrong) and is exactly what the front door does (or the bridge has a bug of its own).
/// </summary>
internal static class DocumentedDifferences
{
    public static readonly IReadOnlyList<DocumentedDifference> All =
    [
        new("GET /prod/echo?x=1&y=two&x=3", [FrontDoorKind.RestApi, FrontDoorKind.AlbMultiValue],
            "REST APIs and ALBs deliver query parameters grouped by name, so QueryString lists a repeated name's values together",
            EquivalentTarget: "/prod/echo?x=1&x=3&y=two"),
        new("GET /prod/echo?flag&a=", [FrontDoorKind.RestApi, FrontDoorKind.AlbMultiValue, FrontDoorKind.AlbSingleValue],
            "REST APIs and ALBs deliver a parameter without '=' as an empty value, so QueryString says 'flag='",
            EquivalentTarget: "/prod/echo?flag=&a="),
        new("GET /prod/echo?x=1&y=two&x=3", [FrontDoorKind.AlbSingleValue],
            "an ALB without multi-value headers passes only the last value of a repeated query parameter",
            EquivalentTarget: "/prod/echo?x=3&y=two"),
        new("GET /prod/search?page=2&tags=a&tags=b%20c", [FrontDoorKind.AlbSingleValue],
            "an ALB without multi-value headers passes only the last value of a repeated query parameter",
            EquivalentTarget: "/prod/search?page=2&tags=b%20c"),
        new("GET /prod/cookies/set", [FrontDoorKind.AlbSingleValue],
            "an ALB without multi-value headers sends one value per response header name: only the last Set-Cookie reaches the client",
            Transform: LastSetCookieOnly),
        new("GET /prod/echo/a%2Fb", [FrontDoorKind.HttpApi],
            "an HTTP API decodes the path before it makes the event: an encoded '/' arrives as '/'",
            EquivalentTarget: "/prod/echo/a/b"),
        new("GET /prod/echo/x/%2E%2E/z", [FrontDoorKind.HttpApi],
            "an HTTP API decodes the path before it makes the event: RawTarget is rebuilt, without the client's needless escapes",
            EquivalentTarget: "/prod/echo/x/../z"),
    ];

    public static DocumentedDifference? For(string shape, FrontDoorKind frontDoor) =>
        All.SingleOrDefault(d => d.Shape == shape && d.FrontDoors.Contains(frontDoor));

    private static ClientResponse LastSetCookieOnly(ClientResponse response)
    {
        var last = response.Headers.LastOrDefault(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase));
        return response with
        {
            Headers = response.Headers.Where(h => !h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) || h.Equals(last)).ToList(),
        };
    }
}
