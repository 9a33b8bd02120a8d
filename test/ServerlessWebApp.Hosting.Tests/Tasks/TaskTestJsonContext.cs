using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>Source-generated metadata for the test payloads, with web defaults (camelCase) as an app would register.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DnaJob))]
[JsonSerializable(typeof(DnaResult))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Serverless.WebApp.Hosting.Tasks.TaskStatusRecord))]
internal sealed partial class TaskTestJsonContext : JsonSerializerContext;
