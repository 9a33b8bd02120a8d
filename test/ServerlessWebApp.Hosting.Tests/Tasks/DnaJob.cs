using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessWebApp.Hosting.Tests.Tasks;

public sealed record DnaJob(string Sequence, int Repeat);

public sealed record DnaResult(int Length);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DnaJob))]
[JsonSerializable(typeof(DnaResult))]
[JsonSerializable(typeof(string))]
internal sealed partial class TaskTestJsonContext : JsonSerializerContext;
