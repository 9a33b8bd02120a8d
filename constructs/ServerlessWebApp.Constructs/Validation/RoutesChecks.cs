using Serverless.WebApp.Constructs.FrontDoor;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Per-route authorization (<c>Routes</c>): an API to route on, a valid route key, exactly one of public or another
/// authorizer, no public route on a public API, no two routes matching the same request, and on a REST API one name
/// per path parameter position (API Gateway refuses siblings such as <c>{id}</c> and <c>{name}</c>).
/// </summary>
internal static class RoutesChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.Routes is not { Count: > 0 } routes) return;
        var kind = FrontDoorDefaults.Kind(props);
        if (kind is not (FrontDoorKind.HttpApi or FrontDoorKind.RestApi))
        {
            findings.Error("Routes", $"is set but FrontDoor {kind} has no routes; allowed: FrontDoor HttpApi or RestApi");
            return;
        }

        var parsed = new List<(string Property, RouteKey Key)>();
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            var property = $"Routes[{i}]";
            if (route is null)
            {
                findings.Error(property, "is null; allowed: a ServerlessWebAppRoute");
                continue;
            }
            if (RouteKey.Parse(route.Route, out var problem) is { } key)
            {
                parsed.Add((property, key));
                CheckKey(findings, props, $"{property}.Route", key);
            }
            else findings.Error($"{property}.Route", problem!);
            CheckAuthorization(findings, props, property, route, kind);
        }
        CheckOverlaps(findings, parsed);
        if (kind == FrontDoorKind.RestApi) CheckRestSiblings(findings, parsed);
    }

    private static void CheckKey(Findings findings, ServerlessWebAppProps props, string property, RouteKey key)
    {
        if (key.IsAny && (key.Segments.Count == 0 || key.Shape == "/{+}"))
            findings.Error(property, $"'{key}' is the API's default route; allowed: a narrower route (set Authorization or PublicAccess for the default)");
        if (key.Method == RouteKey.Options && props.Cors is not null)
            findings.Error(property, $"'{key}' is an OPTIONS route, but with Cors the front door answers OPTIONS itself; allowed: another method, or no Cors");
    }

    private static void CheckAuthorization(Findings findings, ServerlessWebAppProps props, string property, ServerlessWebAppRoute route, FrontDoorKind kind)
    {
        var isPublic = route.Public == true;
        if (isPublic && route.Authorization is not null)
            findings.Error($"{property}.Public", "is true but the route also has an Authorization; allowed: either Public = true or an Authorization");
        else if (!isPublic && route.Authorization is null)
            findings.Error(property, "has neither Public = true nor an Authorization, so it changes nothing; allowed: one of them (other routes keep the default authorization)");
        if (isPublic && props.PublicAccess == true)
            findings.Error($"{property}.Public", "is true but PublicAccess = true makes every route public already; allowed: Public routes only on an authorized API, or routes with their own Authorization");
        if (route.Authorization is { } authorization)
            FrontDoorChecks.CheckAuthorization(findings, $"{property}.Authorization", authorization, kind);
    }

    private static void CheckOverlaps(Findings findings, List<(string Property, RouteKey Key)> routes)
    {
        for (var i = 0; i < routes.Count; i++)
        {
            for (var j = i + 1; j < routes.Count; j++)
            {
                if (routes[i].Key.Overlaps(routes[j].Key))
                    findings.Error($"{routes[j].Property}.Route", $"'{routes[j].Key}' overlaps {routes[i].Property} '{routes[i].Key}' (same path shape, a method in common); allowed: routes that no request matches twice");
            }
        }
    }

    /// <summary>A REST API's resource tree allows one parameter name per position under the same parent.</summary>
    private static void CheckRestSiblings(Findings findings, List<(string Property, RouteKey Key)> routes)
    {
        var namesByPosition = new Dictionary<string, (string Name, string Property)>(StringComparer.Ordinal);
        foreach (var (property, key) in routes)
        {
            for (var depth = 0; depth < key.Segments.Count; depth++)
            {
                var segment = key.Segments[depth];
                if (!RouteKey.IsParameter(segment)) continue;
                var parent = "/" + string.Join('/', key.Segments.Take(depth));
                if (depth == 0 && segment != FrontDoorDefaults.RestProxyParameter)
                    findings.Error($"{property}.Route", $"'{key}' has '{segment}' at the root, where the REST API already has {FrontDoorDefaults.RestProxyParameter}; allowed: {FrontDoorDefaults.RestProxyParameter} there, or a literal first segment");
                else if (namesByPosition.TryGetValue(parent, out var known) && known.Name != segment)
                    findings.Error($"{property}.Route", $"'{key}' has '{segment}' under '{parent}' where {known.Property} has '{known.Name}'; allowed: one parameter name per position in a REST API");
                else namesByPosition.TryAdd(parent, (segment, property));
            }
        }
    }
}
