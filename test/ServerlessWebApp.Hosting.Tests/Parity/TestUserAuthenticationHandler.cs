using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// Authenticates <c>X-Test-User: alice</c> or <c>X-Test-User: root; roles=admin</c>, deterministically, so the
/// authorization responses of both servers can be compared.
/// </summary>
internal sealed class TestUserAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestUser";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers["X-Test-User"].ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.Name, parts[0]));
        foreach (var part in parts.Skip(1).Where(p => p.StartsWith("roles=", StringComparison.Ordinal)))
        {
            foreach (var role in part["roles=".Length..].Split(',')) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }
}
