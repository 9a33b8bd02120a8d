using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace FoundryService.ComputeDna;

/// <summary>The result of a <c>compute-dna</c> task: base counts, GC content and a fingerprint of the sequence.</summary>
public sealed record DnaAnalysis(
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("a")] int A,
    [property: JsonPropertyName("c")] int C,
    [property: JsonPropertyName("g")] int G,
    [property: JsonPropertyName("t")] int T,
    [property: JsonPropertyName("gc_content")] double GcContent,
    [property: JsonPropertyName("sha256")] string Sha256)
{
    public static DnaAnalysis Of(string sequence)
    {
        var span = sequence.AsSpan();
        int a = span.Count('A'), c = span.Count('C'), g = span.Count('G'), t = span.Count('T');
        var gc = sequence.Length == 0 ? 0 : Math.Round((double)(g + c) / sequence.Length, 6);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(sequence)));
        return new DnaAnalysis(sequence.Length, a, c, g, t, gc, hash);
    }
}
