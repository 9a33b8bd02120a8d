namespace FoundryService;

/// <summary>Answer of <c>GET /compute-dna/</c>.</summary>
public sealed record Greeting(string Message);
