using System.Text.Json;
using Serverless.WebApp.Hosting.Commands;

namespace FoundryService.Results;

/// <summary>
/// Management commands over stored results: on Lambda through a direct invocation
/// (<c>{"command":"results:show","args":["&lt;task_id&gt;"]}</c>), locally as <c>dotnet run -- manage results:show &lt;task_id&gt;</c>.
/// </summary>
public static class ResultCommands
{
    public const string Show = "results:show";

    public static IEndpointRouteBuilder MapResultCommands(this IEndpointRouteBuilder app) => app.MapCommand(Show, ShowAsync);

    /// <summary>Prints a finished task's analysis as JSON: exit code 0, 1 when there is none, 2 for a wrong argument count.</summary>
    private static async Task<int> ShowAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count != 1)
        {
            await context.Output.WriteLineAsync($"usage: {Show} <task_id>");
            return 2;
        }
        var analysis = await context.Services.GetRequiredService<IDnaResultStore>().GetAsync(context.Args[0], cancellationToken);
        if (analysis is null)
        {
            await context.Output.WriteLineAsync($"No result for task {context.Args[0]}.");
            return 1;
        }
        await context.Output.WriteLineAsync(JsonSerializer.Serialize(analysis, FoundryJsonContext.Default.DnaAnalysis));
        return 0;
    }
}
