using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Serverless.WebApp.Hosting.Buffers;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>The response body: buffered in full, because Lambda returns the whole payload at once.</summary>
internal sealed class LambdaResponseBodyFeature : IHttpResponseBodyFeature
{
    private readonly LambdaResponseFeature _response;

    private readonly ResponseBodyPipeWriter _writer;

    public LambdaResponseBodyFeature(ResponseBodyBuffer body, LambdaResponseFeature response, LambdaBodyControlFeature bodyControl)
    {
        _response = response;
        Stream = new ResponseBodyStream(body, response, bodyControl);
        _writer = new ResponseBodyPipeWriter(body, response);
    }

    public Stream Stream { get; }

    public PipeWriter Writer => _writer;

    public void Reset() => _writer.Reset();

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _response.StartAsync();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public Task CompleteAsync() => _response.StartAsync();
}
