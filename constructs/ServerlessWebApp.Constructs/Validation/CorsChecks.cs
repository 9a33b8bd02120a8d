using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.FrontDoor;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>Cross-origin resource sharing (<c>Cors</c>): a front door that answers preflight, origins, methods, headers, credentials and max age.</summary>
internal static partial class CorsChecks
{
    private const string Owner = "Cors";

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.Cors is not { } cors) return;
        if (FrontDoorDefaults.Kind(props) == FrontDoorKind.None)
            findings.Error(Owner, "is set but FrontDoor is None (no entry point a browser can call); allowed: FrontDoor HttpApi, RestApi or FunctionUrl");

        var origins = cors.AllowOrigins ?? [];
        if (origins.Count == 0)
            findings.Error($"{Owner}.AllowOrigins", "is required; allowed: one or more origins such as https://app.example.com, or '*'");
        foreach (var origin in origins)
        {
            if (origin == CorsDefaults.AnyOrigin)
            {
                if (origins.Count > 1) findings.Error($"{Owner}.AllowOrigins", "lists '*' with other origins; allowed: '*' alone, or a list of origins");
                if (cors.AllowCredentials == true)
                    findings.Error($"{Owner}.AllowCredentials", "is true with the origin '*', which browsers refuse; allowed: AllowCredentials with a list of origins such as https://app.example.com");
            }
            else if (!Origin().IsMatch(origin))
            {
                findings.Error($"{Owner}.AllowOrigins", $"'{origin}' is not an origin; allowed: https://host or http://host with an optional :port and no path or trailing '/', or '*'");
            }
        }

        foreach (var method in cors.AllowMethods ?? [])
        {
            if (!RouteKey.Methods.Contains(method))
                findings.Error($"{Owner}.AllowMethods", $"'{method}' is not a method; allowed: {string.Join(", ", RouteKey.Methods)} (upper case)");
        }
        if (cors.AllowMethods is { Count: 0 }) findings.Error($"{Owner}.AllowMethods", "is empty; allowed: one or more methods, or leave it unset for all");
        CheckHeaders(findings, cors.AllowHeaders, $"{Owner}.AllowHeaders");
        CheckHeaders(findings, cors.ExposeHeaders, $"{Owner}.ExposeHeaders");
        if (cors.MaxAge is { } maxAge)
        {
            var milliseconds = maxAge.ToMilliseconds();
            if (milliseconds % 1000 != 0 || milliseconds < 0 || milliseconds > CorsDefaults.MaxMaxAgeSeconds * 1000.0)
                findings.Error($"{Owner}.MaxAge", $"{maxAge.ToHumanString()} is out of range; allowed: whole seconds from 0 to {CorsDefaults.MaxMaxAgeSeconds} (one day)");
        }
    }

    /// <summary>Header names (a token), or <c>*</c> for all of them.</summary>
    private static void CheckHeaders(Findings findings, IReadOnlyList<string>? headers, string property)
    {
        foreach (var header in headers ?? [])
        {
            if (!HeaderName().IsMatch(header))
                findings.Error(property, $"'{header}' is not a header name; allowed: letters, digits and !#$%&'*+-.^_`|~, or '*'");
        }
    }

    [GeneratedRegex(@"^https?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex Origin();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")]
    private static partial Regex HeaderName();
}
