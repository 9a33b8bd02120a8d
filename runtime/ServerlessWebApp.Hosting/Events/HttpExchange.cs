using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Serverless.WebApp.Hosting.Buffers;
using Serverless.WebApp.Hosting.Features;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Server;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// The feature objects an HTTP request runs on, reused from one invocation to the next (Lambda runs one at a time):
/// <see cref="Begin"/> resets them for a new request, <see cref="End"/> releases what the request borrowed.
/// </summary>
internal sealed class HttpExchange
{
    private readonly LambdaFeatureSet _features;
    private readonly ServerLimits _limits;
    private byte[]? _requestBody;

    public HttpExchange(IHttpApplicationAdapter application, ResponseBodyBuffer responseBody, ServerLimits limits)
    {
        Application = application;
        ResponseBody = responseBody;
        _limits = limits;
        _features = new LambdaFeatureSet(responseBody);
        _features.RequestBody.DefaultMaxRequestBodySize = limits.MaxRequestBodySize;
        Features = application.CreateFeatureCollection(_features);
    }

    /// <summary>The app these features belong to (the host keeps its context on <see cref="Features"/>).</summary>
    public IHttpApplicationAdapter Application { get; }

    public LambdaInvocation Invocation { get; private set; } = null!;

    public LambdaFeatureCollection Features { get; }

    public LambdaRequestFeature Request => _features.Request;

    public LambdaResponseFeature Response => _features.Response;

    public ResponseBodyBuffer ResponseBody { get; }

    public LambdaConnectionFeature Connection => _features.Connection;

    public LambdaRequestLifetimeFeature Lifetime => _features.Lifetime;

    /// <summary>The length of the body handed to the app.</summary>
    public int RequestBodyLength => _features.RequestBodyStream.BodyLength;

    /// <summary>True when Host is the front door's own domain name (the event had no Host header), not the client's.</summary>
    public bool HostIsFrontDoors { get; set; }

    /// <summary>Set by the handler before <see cref="IHttpEventAdapter.WriteResponse"/>: send the body base64-encoded.</summary>
    public bool ResponseIsBinary { get; set; }

    public void Begin(LambdaInvocation invocation, LambdaEventSource source, JsonElement requestContext, CancellationToken requestAborted)
    {
        Invocation = invocation;
        Features.Reset();
        Request.Reset();
        Response.Reset();
        _features.ResponseBody.Reset();
        _features.RequestBodyStream.Reset([], 0);
        _features.RequestBody.Reset();
        _features.BodyControl.AllowSynchronousIO = _limits.AllowSynchronousIO;
        Request.Body = _features.RequestBodyStream;
        ResponseBody.Clear();
        Connection.Reset(invocation.RequestId);
        Lifetime.Reset(requestAborted);
        _features.Identifier.TraceIdentifier = invocation.RequestId;
        _features.Context.Reset(source, requestContext, invocation);
        ResponseIsBinary = false;
        HostIsFrontDoors = false;
    }

    /// <summary>Gives back the request body's buffer and the client certificate, and drops a large response buffer.</summary>
    public void End()
    {
        _features.RequestBodyStream.Reset([], 0);
        Request.Body = Stream.Null;
        if (_requestBody is not null)
        {
            LargeArrays.Return(_requestBody);
            _requestBody = null;
        }
        _features.Tls.Clear();
        ResponseBody.Clear();
    }

    public void SetUser(ClaimsPrincipal user) =>
        Features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = user });

    /// <summary>The client certificate (PEM) a mutual-TLS front door verified, as the connection's client certificate.</summary>
    public void SetClientCertificate(string pem)
    {
        _features.Tls.Reset(pem);
        Features.Set<ITlsConnectionFeature>(_features.Tls);
    }

    /// <summary>Uses a buffer from <see cref="LargeArrays"/> as the request body; given back by <see cref="End"/>.</summary>
    public void SetRequestBody(byte[] buffer, int length)
    {
        _requestBody = buffer;
        _features.RequestBodyStream.Reset(buffer, length);
    }
}
