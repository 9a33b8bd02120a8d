using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.WebApp.Hosting.Logging;

/// <summary>
/// Inside Lambda, ASP.NET Core's own categories log from Warning up unless the app sets a level for them (or for
/// "Microsoft") in configuration or code — what the ASP.NET Core templates' appsettings.json does. At Information
/// the hosting diagnostics write every request's start and finish, query string included (tokens too), into
/// CloudWatch; the app's own logs keep the level it chose.
/// </summary>
internal sealed class AspNetCoreLogLevelDefault(LogLevel? lambdaLevel) : IPostConfigureOptions<LoggerFilterOptions>
{
    public const string Category = "Microsoft.AspNetCore";

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        if (options.Rules.Any(rule => rule.CategoryName is { } category && Covers(category))) return;
        // Before every rule the app has, so any later one for the same categories wins.
        var level = lambdaLevel is { } stricter && stricter > LogLevel.Warning ? stricter : LogLevel.Warning;
        options.Rules.Insert(0, new LoggerFilterRule(null, Category, level, null));
    }

    /// <summary>Whether a rule for <paramref name="category"/> says something about ASP.NET Core's categories.</summary>
    private static bool Covers(string category) =>
        category == "Microsoft" || category == "Microsoft.*"
        || category.StartsWith(Category, StringComparison.Ordinal);
}
