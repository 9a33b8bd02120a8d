using System.Text.Json.Serialization;

namespace FoundryService.ComputeDna;

/// <summary>The queued <c>compute-dna</c> task's payload: an already validated sequence.</summary>
public sealed record ComputeDnaPayload([property: JsonPropertyName("dna_sequence")] string DnaSequence);
