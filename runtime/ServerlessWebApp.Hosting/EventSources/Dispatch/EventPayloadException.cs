namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>A record does not deserialise into the type its event source is mapped with; that record fails.</summary>
internal sealed class EventPayloadException(string message, Exception? inner = null) : Exception(message, inner);
