using System.Text.Json.Serialization;
using FoundryService.ComputeDna;

namespace FoundryService;

/// <summary>Source-generated JSON for every type the sample reads or writes (no reflection, AOT-safe).</summary>
[JsonSerializable(typeof(ComputeDnaRequest))]
[JsonSerializable(typeof(Greeting))]
internal sealed partial class FoundryJsonContext : JsonSerializerContext;
