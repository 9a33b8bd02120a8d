namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>Where an offloaded payload lives.</summary>
internal sealed record TaskPayloadReference(string Bucket, string Key);
