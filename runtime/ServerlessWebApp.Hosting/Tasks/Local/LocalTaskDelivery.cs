namespace Serverless.WebApp.Hosting.Tasks.Local;

/// <summary>A message claimed from the local queue: in flight until it is deleted, retried, dead-lettered or released.</summary>
internal sealed record LocalTaskDelivery(long Sequence, string TaskId, byte[] Body, int ReceiveCount);
