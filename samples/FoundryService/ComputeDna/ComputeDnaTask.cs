using FoundryService.Results;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Tasks;

namespace FoundryService.ComputeDna;

/// <summary>The long-running <c>compute-dna</c> task: simulated lab work, then the analysis stored as its result.</summary>
public static class ComputeDnaTask
{
    public const string Name = "compute-dna";

    public static async Task RunAsync(ComputeDnaPayload payload, TaskContext context, CancellationToken cancellationToken)
    {
        // A scheduled event can carry a payload nobody validated: refuse it so it fails visibly into the DLQ.
        if (DnaSequenceValidator.Validate(payload.DnaSequence) is { } error) throw new ArgumentException(error, nameof(payload));

        var services = context.Services;
        var options = services.GetRequiredService<IOptions<FoundryOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ComputeDnaTask).FullName!);
        logger.LogInformation("Task {TaskId} computing {Bases} bases (attempt {Attempt}, {Duration} of simulated work)",
            context.TaskId, payload.DnaSequence.Length, context.Attempt, options.ComputeDuration);

        await Task.Delay(options.ComputeDuration, cancellationToken);
        var analysis = DnaAnalysis.Of(payload.DnaSequence);
        await services.GetRequiredService<IDnaResultStore>().SaveAsync(context.TaskId, analysis, cancellationToken);
        context.SetResult(analysis, FoundryJsonContext.Default.DnaAnalysis);
    }
}
