using System.IO.Pipelines;
using Serverless.WebApp.Hosting.Buffers;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// <c>HttpResponse.BodyWriter</c> writing straight into the buffered body (no intermediate pipe or copy);
/// the first flush starts the response.
/// </summary>
internal sealed class ResponseBodyPipeWriter(ResponseBodyBuffer body, LambdaResponseFeature response) : PipeWriter
{
    private bool _completed;

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => 0;

    public override void Advance(int bytes)
    {
        response.VerifyWrite(body.Length, bytes);
        body.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        ThrowIfCompleted();
        return body.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null) => _completed = true;

    public void Reset() => _completed = false;

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!response.HasStarted) await response.StartAsync().ConfigureAwait(false);
        return new FlushResult(isCanceled: false, isCompleted: false);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        ThrowIfCompleted();
        if (!response.HasStarted) return StartThenWriteAsync(source);
        response.VerifyWrite(body.Length, source.Length);
        body.Write(source.Span);
        return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: false));
    }

    private async ValueTask<FlushResult> StartThenWriteAsync(ReadOnlyMemory<byte> source)
    {
        await response.StartAsync().ConfigureAwait(false);
        response.VerifyWrite(body.Length, source.Length);
        body.Write(source.Span);
        return new FlushResult(isCanceled: false, isCompleted: false);
    }

    private void ThrowIfCompleted()
    {
        if (_completed) throw new InvalidOperationException("The response body writer has been completed.");
    }
}
