using System.Text.Json.Serialization;

namespace FoundryService.SequenceImports;

/// <summary>A sequence a partner lab sends through the imports queue: <c>{"dna_sequence": "ACGT...", "lab_key": "..."}</c>.</summary>
public sealed record SequenceImport(
    [property: JsonPropertyName("dna_sequence")] string? DnaSequence,
    [property: JsonPropertyName("lab_key")] string? LabKey);
