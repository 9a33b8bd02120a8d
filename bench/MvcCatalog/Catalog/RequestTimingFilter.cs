using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MvcCatalog.Catalog;

/// <summary>An action filter from DI, as many services have one: the time spent in the action, as a response header.</summary>
public sealed class RequestTimingFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var start = Stopwatch.GetTimestamp();
        context.HttpContext.Response.OnStarting(() =>
        {
            context.HttpContext.Response.Headers["x-action-time-us"] = Stopwatch.GetElapsedTime(start).TotalMicroseconds.ToString("F0");
            return Task.CompletedTask;
        });
        await next();
    }
}
