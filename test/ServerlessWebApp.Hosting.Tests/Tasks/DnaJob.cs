using System.Text.Json.Serialization;

namespace ServerlessWebApp.Hosting.Tests.Tasks;

public sealed record DnaJob(string Sequence, int Repeat);

public sealed record DnaResult(int Length);

[JsonSerializable(typeof(DnaJob))]
[JsonSerializable(typeof(DnaResult))]
internal sealed partial class TaskTestJsonContext : JsonSerializerContext;
