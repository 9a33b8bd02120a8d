using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using FoundryService.ComputeDna;
using FoundryService.SequenceImports;
using FoundryService.Tasks;

namespace FoundryService;

/// <summary>Source-generated JSON for every type the sample reads or writes (no reflection, AOT-safe).</summary>
[JsonSerializable(typeof(ComputeDnaRequest))]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(ComputeDnaPayload))]
[JsonSerializable(typeof(DnaAnalysis))]
[JsonSerializable(typeof(TaskAccepted))]
[JsonSerializable(typeof(SequenceImport))]
[JsonSerializable(typeof(TaskStatusResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class FoundryJsonContext : JsonSerializerContext;
