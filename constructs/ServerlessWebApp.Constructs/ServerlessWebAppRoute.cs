namespace Serverless.WebApp.Constructs;

/// <summary>
/// An exception to the front door's default authorization on one route (<see cref="ServerlessWebAppProps.Routes"/>):
/// a public route (a health check, a webhook receiver) or a route with its own authorizer. Every other route keeps
/// <see cref="ServerlessWebAppProps.Authorization"/>. Exactly one of <see cref="Public"/> and <see cref="Authorization"/>.
/// </summary>
public sealed class ServerlessWebAppRoute
{
    /// <summary>
    /// The route as <c>METHOD /path</c>: a method (<c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>,
    /// <c>HEAD</c>, <c>OPTIONS</c> or <c>ANY</c>) and a path of literal segments, <c>{name}</c> parameters and, as the last
    /// segment, a greedy <c>{name+}</c>, e.g. <c>GET /health</c> or <c>POST /webhooks/{proxy+}</c>. Required.
    /// </summary>
    public string? Route { get; set; }

    /// <summary>
    /// True: anyone may call this route, without authorization. Only on an API whose default is authorized (with
    /// <c>PublicAccess = true</c> every route is public already). Default: false.
    /// </summary>
    public bool? Public { get; set; }

    /// <summary>The authorization this route enforces instead of the default (any kind the front door offers). Default: none.</summary>
    public ApiAuthorization? Authorization { get; set; }

    /// <summary>A public route, e.g. <c>ServerlessWebAppRoute.PublicRoute("GET /health")</c>.</summary>
    public static ServerlessWebAppRoute PublicRoute(string route) => new() { Route = route, Public = true };

    /// <summary>A route with its own authorization, e.g. <c>ServerlessWebAppRoute.Authorized("ANY /admin/{proxy+}", ApiAuthorization.Iam())</c>.</summary>
    public static ServerlessWebAppRoute Authorized(string route, ApiAuthorization authorization) => new() { Route = route, Authorization = authorization };

    /// <inheritdoc />
    public override string ToString() => Route ?? "(no route)";
}
