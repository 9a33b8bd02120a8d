namespace FoundryService.ComputeDna;

/// <summary>Checks a DNA sequence before any work is accepted for it.</summary>
public static class DnaSequenceValidator
{
    public const string FieldName = "dna_sequence";
    public const int MaxBases = 100_000;

    /// <summary>Returns null for a valid sequence, otherwise a message naming the field and what it allows.</summary>
    public static string? Validate(string? sequence)
    {
        if (sequence is null) return $"'{FieldName}' is required: a string of the bases A, C, G and T.";
        if (sequence.Length == 0) return $"'{FieldName}' is empty: it needs 1 to {MaxBases:N0} bases (A, C, G, T).";
        if (sequence.Length > MaxBases)
            return $"'{FieldName}' has {sequence.Length:N0} bases; at most {MaxBases:N0} are allowed.";

        var invalid = sequence.AsSpan().IndexOfAnyExcept("ACGT");
        if (invalid >= 0)
            return $"'{FieldName}' contains '{sequence[invalid]}' at position {invalid}; only the bases A, C, G and T are allowed.";
        return null;
    }
}
