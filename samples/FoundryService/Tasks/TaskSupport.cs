using Microsoft.AspNetCore.Http.HttpResults;

using Serverless.WebApp.Hosting.Tasks;

namespace FoundryService.Tasks;

/// <summary>
/// Whether the hosting runtime registered its task services. <c>AddServerlessWebApp()</c> registers them once the
/// task system is wired into it; until then the sample answers 503 instead of accepting work nobody would run.
/// </summary>
public static class TaskSupport
{
    public static bool IsRegistered(IServiceProvider services) =>
        services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(ITaskQueue));

    public static ProblemHttpResult Unavailable(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Task system unavailable",
        detail: $"{what}: this build of the hosting runtime registers no task queue, so nothing was accepted.");
}
