using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FoundryService.ComputeDna;
using FoundryService.Results;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.EventSources;

namespace FoundryService.SequenceImports;

/// <summary>
/// The foundry's AWS event sources. Partner labs send sequences through an SQS queue (<c>sequence-imports</c>): each is
/// checked, analysed at once and stored as result <c>import-&lt;messageId&gt;</c>; an invalid one fails alone, is
/// retried and finally dead-lettered by the queue. Lab instruments drop sequencing runs into a bucket
/// (<c>sequence-uploads</c>), whose arrivals are logged for the lab's audit trail.
/// </summary>
public static class SequenceImportEvents
{
    public const string ImportsQueue = "sequence-imports";
    public const string UploadsBucket = "sequence-uploads";

    /// <summary>The result id an imported sequence is stored under.</summary>
    public static string ResultId(string messageId) => "import-" + messageId;

    public static IEndpointRouteBuilder MapSequenceImports(this IEndpointRouteBuilder app)
    {
        app.MapEvent<SqsMessage>(ImportsQueue, ImportAsync);
        app.MapEvent<S3ObjectEvent>(UploadsBucket, RecordUploadAsync);
        return app;
    }

    private static async Task ImportAsync(SqsMessage message, EventSourceContext context, CancellationToken cancellationToken)
    {
        SequenceImport? import;
        try
        {
            import = JsonSerializer.Deserialize(message.Body, FoundryJsonContext.Default.SequenceImport);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The message body is not a sequence import: {\"dna_sequence\": \"ACGT...\"}.", ex);
        }
        var options = context.Services.GetRequiredService<IOptions<FoundryOptions>>().Value;
        if (options.LabKey is { Length: > 0 } labKey && !SameKey(labKey, import?.LabKey))
        {
            throw new UnauthorizedAccessException("The import's lab_key does not match Foundry:LabKey.");
        }
        if (DnaSequenceValidator.Validate(import?.DnaSequence) is { } error) throw new ArgumentException(error);

        var analysis = DnaAnalysis.Of(import!.DnaSequence!);
        await context.Services.GetRequiredService<IDnaResultStore>().SaveAsync(ResultId(message.MessageId), analysis, cancellationToken);
        context.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SequenceImportEvents).FullName!)
            .LogInformation("Imported sequence {MessageId}: {Bases} bases, GC content {GcContent}", message.MessageId,
                analysis.Length, analysis.GcContent);
    }

    private static Task RecordUploadAsync(S3ObjectEvent upload, EventSourceContext context, CancellationToken cancellationToken)
    {
        context.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SequenceImportEvents).FullName!)
            .LogInformation("Sequencing run {Key} ({Size} bytes) {EventName} in {Bucket}", upload.S3.Object.DecodedKey,
                upload.S3.Object.Size, upload.EventName, upload.S3.Bucket.Name);
        return Task.CompletedTask;
    }

    private static bool SameKey(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
