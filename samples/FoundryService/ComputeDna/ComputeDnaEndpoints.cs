using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static async Task<Results<ValidationProblem, ProblemHttpResult>> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (sequence, error) = await ReadSequenceAsync(request, cancellationToken);
        if (error is not null) return Invalid(error);

        // The task system is not in this build: say so rather than accept work nobody will run.
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Task queue unavailable",
            detail: $"The sequence of {sequence!.Length} bases is valid, but this build has no task queue to run " +
                    "compute-dna jobs; nothing was accepted.");
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
