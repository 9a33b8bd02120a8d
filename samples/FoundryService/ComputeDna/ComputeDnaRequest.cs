using System.Text.Json.Serialization;

namespace FoundryService.ComputeDna;

/// <summary>Body of <c>POST /compute-dna/</c>.</summary>
public sealed class ComputeDnaRequest
{
    [JsonPropertyName("dna_sequence")]
    public string? DnaSequence { get; set; }
}
