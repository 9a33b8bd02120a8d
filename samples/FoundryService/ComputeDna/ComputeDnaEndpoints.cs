using System.Text.Json;
using FoundryService.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Serverless.WebApp.Hosting.Tasks;

namespace FoundryService.ComputeDna;

/// <summary>The <c>/compute-dna/</c> routes: a greeting and the job submission.</summary>
public static class ComputeDnaEndpoints
{
    public const string Route = "/compute-dna/";

    public static IEndpointRouteBuilder MapComputeDna(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, () => TypedResults.Ok(new Greeting(
            "Hello from the foundry. POST {\"dna_sequence\": \"ACGT...\"} here to compute a sequence.")));
        endpoints.MapPost(Route, SubmitAsync);
        return endpoints;
    }

    private static async Task<Results<Accepted<TaskAccepted>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (sequence, error) = await ReadSequenceAsync(request, cancellationToken);
        if (error is not null) return Invalid(error);
        var queue = services.GetRequiredService<ITaskQueue>();
        string taskId;
        try
        {
            taskId = await queue.EnqueueAsync(ComputeDnaTask.Name, new ComputeDnaPayload(sequence!), cancellationToken: cancellationToken);
        }
        catch (TaskEnqueueException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Job not queued", detail: e.Message);
        }
        var location = TaskEndpoints.StatusPath(taskId);
        return TypedResults.Accepted(location, new TaskAccepted(taskId, location));
    }

    /// <summary>Reads and validates the body; exactly one of the two results is non-null.</summary>
    internal static async Task<(string? Sequence, string? Error)> ReadSequenceAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ComputeDnaRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, FoundryJsonContext.Default.ComputeDnaRequest, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, $"The body must be a JSON object such as {{\"{DnaSequenceValidator.FieldName}\": \"ACGT\"}}: {e.Message}");
        }

        var sequence = body?.DnaSequence;
        return DnaSequenceValidator.Validate(sequence) is { } error ? (null, error) : (sequence, null);
    }

    private static ValidationProblem Invalid(string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [DnaSequenceValidator.FieldName] = [message] },
        detail: message,
        title: "Invalid DNA sequence");
}
