using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Runtime;
using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Logging;

/// <summary>
/// Inside Lambda ASP.NET Core's categories log from Warning up unless the app says otherwise, so request lines with
/// query strings (tokens included) do not go to CloudWatch on every request.
/// </summary>
public class AspNetCoreLogLevelTests
{
    [Fact]
    public async Task ByDefaultRequestLinesWithTheirQueryStringsAreNotLogged()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.MapGet("/items", (ILogger<AspNetCoreLogLevelTests> logger) =>
        {
            logger.LogInformation("The app's own information line");
            return "items";
        }));

        await host.InvokeAsync(TestEvents.HttpApi(rawPath: "/items", rawQueryString: "token=s3cr3t"));

        Assert.DoesNotContain(host.Logs.Logs, l => l.Message.Contains("s3cr3t"));
        Assert.DoesNotContain(host.Logs.Logs, l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Level < LogLevel.Warning);
        Assert.Contains(host.Logs.Logs, l => l.Message == "The app's own information line");
    }

    [Theory]
    [InlineData(null, null, null, LogLevel.Warning)]
    [InlineData("Information", null, null, LogLevel.Information)]
    [InlineData(null, "Debug", null, LogLevel.Debug)]
    [InlineData(null, null, "ERROR", LogLevel.Error)]
    [InlineData(null, null, "DEBUG", LogLevel.Warning)]
    public void TheAppsOwnSettingWins(string? appsettingsLevel, string? codeLevel, string? lambdaLogLevel, LogLevel expected)
    {
        var environment = FakeLambdaEnvironment.InsideLambda();
        if (lambdaLogLevel is not null) environment.SetVariable(LambdaEnvironmentVariables.LogLevel, lambdaLogLevel);
        var builder = WebApplication.CreateSlimBuilder();
        if (appsettingsLevel is not null) builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Microsoft.AspNetCore", appsettingsLevel)]);
        builder.Services.AddServerlessWebApp(null, environment);
        if (codeLevel is not null) builder.Logging.AddFilter("Microsoft.AspNetCore", Enum.Parse<LogLevel>(codeLevel));
        using var app = builder.Build();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        Assert.Equal(expected, Enum.GetValues<LogLevel>().First(logger.IsEnabled));
    }
}
