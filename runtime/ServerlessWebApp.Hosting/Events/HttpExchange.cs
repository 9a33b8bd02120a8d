using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using ServerlessWebApp.Hosting.Buffers;
using ServerlessWebApp.Hosting.Features;
using ServerlessWebApp.Hosting.Invocations;

namespace ServerlessWebApp.Hosting.Events;

/// <summary>One HTTP request/response carried by one invocation: the feature objects the app's HttpContext is built on.</summary>
internal sealed class HttpExchange : IDisposable
{
    private byte[]? _rentedRequestBody;

    public HttpExchange(LambdaInvocation invocation, LambdaEventSource source, JsonElement requestContext,
        CancellationToken requestAborted, ResponseBodyBuffer responseBody)
    {
        Invocation = invocation;
        ResponseBody = responseBody;
        Lifetime = new LambdaRequestLifetimeFeature(requestAborted);
        var bodyFeature = new LambdaResponseBodyFeature(responseBody, Response);

        Features = new FeatureCollection(10);
        Features.Set<IHttpRequestFeature>(Request);
        Features.Set<IHttpResponseFeature>(Response);
        Features.Set<IHttpResponseBodyFeature>(bodyFeature);
        Features.Set<IHttpConnectionFeature>(Connection);
        Features.Set<IHttpRequestLifetimeFeature>(Lifetime);
        Features.Set<IHttpRequestIdentifierFeature>(new LambdaRequestIdentifierFeature(invocation.RequestId));
        Features.Set<ILambdaRequestContextFeature>(new LambdaRequestContextFeature(source, requestContext, invocation));
        Connection.ConnectionId = invocation.RequestId;
    }

    public LambdaInvocation Invocation { get; }

    public FeatureCollection Features { get; }

    public LambdaRequestFeature Request { get; } = new();

    public LambdaResponseFeature Response { get; } = new();

    public ResponseBodyBuffer ResponseBody { get; }

    public LambdaConnectionFeature Connection { get; } = new();

    public LambdaRequestLifetimeFeature Lifetime { get; }

    /// <summary>Set by the handler before <see cref="IHttpEventAdapter.WriteResponse"/>: send the body base64-encoded.</summary>
    public bool ResponseIsBinary { get; set; }

    public void SetUser(ClaimsPrincipal user) =>
        Features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = user });

    /// <summary>Uses a pooled buffer as the request body; returned to the pool when the exchange is disposed.</summary>
    public void SetRequestBody(byte[] rented, int length)
    {
        _rentedRequestBody = rented;
        Request.Body = new MemoryStream(rented, 0, length, writable: false, publiclyVisible: true);
    }

    public void Dispose()
    {
        if (_rentedRequestBody is not null)
        {
            ArrayPool<byte>.Shared.Return(_rentedRequestBody);
            _rentedRequestBody = null;
        }
    }
}
