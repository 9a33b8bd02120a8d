using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Events;

/// <summary>A REST API Lambda authorizer's output is the app's user, so authorization policies on it work.</summary>
public class RestApiAuthorizerTests
{
    [Theory]
    [InlineData("""{"principalId": "user-7", "integrationLatency": 12, "role": "admin", "tenant": "acme"}""")]
    [InlineData("""{"principalId": "user-7", "role": "admin", "tenant": "acme", "numberKey": 1, "booleanKey": true}""")]
    public async Task TheAuthorizersPrincipalAndContextSatisfyAPolicyOnThem(string authorizer)
    {
        await using var host = await LambdaAppHost.StartAsync(
            app =>
            {
                app.UseAuthorization();
                app.MapGet("/admin", (HttpContext context) => $"{context.User.Identity!.Name} of {context.User.FindFirst("tenant")!.Value}")
                    .RequireAuthorization("admins");
            },
            configureServices: services => services.AddAuthorizationBuilder()
                .AddPolicy("admins", policy => policy.RequireClaim("role", "admin").RequireClaim("tenant")));

        var allowed = await host.InvokeAsync(TestEvents.RestApi(path: "/admin", requestContextPath: "/prod/admin", resource: "/admin", authorizer: authorizer));
        var anonymous = await host.InvokeAsync(TestEvents.RestApi(path: "/admin", requestContextPath: "/prod/admin", resource: "/admin"));

        Assert.Equal(200, allowed.Json.GetProperty("statusCode").GetInt32());
        Assert.Equal("user-7 of acme", allowed.Json.GetProperty("body").GetString());
        Assert.NotEqual(200, anonymous.Json.GetProperty("statusCode").GetInt32());
    }
}
