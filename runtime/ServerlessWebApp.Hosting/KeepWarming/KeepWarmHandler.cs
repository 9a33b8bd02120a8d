using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Contract;
using Serverless.WebApp.Hosting.Control;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.KeepWarming;

/// <summary>
/// Answers the construct's keep-warm ping (<c>{"serverlessWebApp":{"kind":"keep-warm"}}</c>) at once, before any other
/// handler and without entering the app's pipeline; the reply is <c>{"serverlessWebApp":{"kind":"keep-warm","warm":true}}</c>.
/// </summary>
internal sealed partial class KeepWarmHandler : ILambdaEventHandler
{
    private readonly ILogger<KeepWarmHandler> _logger;

    public KeepWarmHandler(ILogger<KeepWarmHandler> logger) => _logger = logger;

    public int Order => 0;

    public bool CanHandle(JsonElement lambdaEvent) =>
        ControlEvents.TryGetEnvelope(lambdaEvent, SwaControlEvent.KeepWarmKind, out _);

    public Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        LogAnswered(_logger, invocation.RequestId);
        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        writer.WriteStartObject(SwaControlEvent.Envelope);
        writer.WriteString(SwaControlEvent.Kind, SwaControlEvent.KeepWarmKind);
        writer.WriteBoolean("warm", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 70, Level = LogLevel.Debug, Message = "Keep-warm ping {RequestId} answered")]
    private static partial void LogAnswered(ILogger logger, string requestId);
}
