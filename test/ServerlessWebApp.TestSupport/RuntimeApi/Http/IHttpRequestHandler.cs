namespace Serverless.WebApp.TestSupport.RuntimeApi.Http;

/// <summary>
/// Answers one request of a <see cref="LoopbackHttpServer"/> connection. The connection waits for the returned task
/// before it reads the next request, so the answers of pipelined requests go out in order. The request's body is only
/// valid until the handler returns or first awaits. A handler that is about to wait calls
/// <see cref="HttpResponseWriter.Flush"/> first, so answers buffered for earlier pipelined requests are not held back.
/// </summary>
internal interface IHttpRequestHandler
{
    ValueTask HandleAsync(RawHttpRequest request, HttpResponseWriter response);
}
