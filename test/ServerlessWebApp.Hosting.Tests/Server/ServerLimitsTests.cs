using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Server;

/// <summary>What an app tells Kestrel about synchronous I/O and body sizes holds behind the bridge too.</summary>
public class ServerLimitsTests
{
    [Theory]
    [InlineData(false, 500)]
    [InlineData(true, 200)]
    public async Task SynchronousIoIsAllowedExactlyWhenTheAppAllowsItOnKestrel(bool allowSynchronousIO, int status)
    {
        await using var host = await LambdaAppHost.StartAsync(
            app => app.Run(context =>
            {
                context.Response.Body.Write("written synchronously"u8);
                return Task.CompletedTask;
            }),
            configureServices: services => services.Configure<KestrelServerOptions>(o => o.AllowSynchronousIO = allowSynchronousIO));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal(status, result.Json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task TheAppsMaximumRequestBodySizeIsA413()
    {
        await using var host = await LambdaAppHost.StartAsync(
            app => app.MapPost("/upload", async (HttpContext context) => (await new StreamReader(context.Request.Body).ReadToEndAsync()).Length),
            configureServices: services => services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 4));

        var small = await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/upload", method: "POST", body: "\"1234\""));
        var large = await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/upload", method: "POST", body: "\"12345\""));

        Assert.Equal("4", small.Json.GetProperty("body").GetString());
        Assert.Equal(413, large.Json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task KestrelOptionsThatCannotBeReadInLambdaLeaveKestrelsDefaultsAndAWarning()
    {
        await using var host = await LambdaAppHost.StartAsync(
            app => app.Run(context => context.Response.WriteAsync("still serving")),
            configureServices: services => services.Configure<KestrelServerOptions>(_ => throw new FileNotFoundException("server.pfx")));

        var result = await host.InvokeAsync(TestEvents.HttpApi());

        Assert.Equal("still serving", result.Json.GetProperty("body").GetString());
        Assert.Contains(host.Logs.Logs, l => l.Level == LogLevel.Warning && l.Exception is FileNotFoundException);
    }
}
