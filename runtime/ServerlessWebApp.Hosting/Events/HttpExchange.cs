using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
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
    private readonly LambdaResponseBodyFeature _bodyFeature;
    private readonly LambdaRequestIdentifierFeature _identifier = new();
    private readonly LambdaRequestContextFeature _context = new();
    private byte[]? _rentedRequestBody;

    public HttpExchange(IHttpApplicationAdapter application, ResponseBodyBuffer responseBody)
    {
        Application = application;
        ResponseBody = responseBody;
        _bodyFeature = new LambdaResponseBodyFeature(responseBody, Response);
        Features = application.CreateFeatureCollection(Request, Response, _bodyFeature, Connection, Lifetime, _identifier, _context);
    }

    /// <summary>The app these features belong to (the host keeps its context on <see cref="Features"/>).</summary>
    public IHttpApplicationAdapter Application { get; }

    public LambdaInvocation Invocation { get; private set; } = null!;

    public LambdaFeatureCollection Features { get; }

    public LambdaRequestFeature Request { get; } = new();

    public LambdaResponseFeature Response { get; } = new();

    public ResponseBodyBuffer ResponseBody { get; }

    public LambdaConnectionFeature Connection { get; } = new();

    public LambdaRequestLifetimeFeature Lifetime { get; } = new();

    /// <summary>Set by the handler before <see cref="IHttpEventAdapter.WriteResponse"/>: send the body base64-encoded.</summary>
    public bool ResponseIsBinary { get; set; }

    public void Begin(LambdaInvocation invocation, LambdaEventSource source, JsonElement requestContext, CancellationToken requestAborted)
    {
        Invocation = invocation;
        Features.Reset();
        Request.Reset();
        Response.Reset();
        _bodyFeature.Reset();
        ResponseBody.Clear();
        Connection.Reset(invocation.RequestId);
        Lifetime.Reset(requestAborted);
        _identifier.TraceIdentifier = invocation.RequestId;
        _context.Reset(source, requestContext, invocation);
        ResponseIsBinary = false;
    }

    public void End()
    {
        Request.Body = Stream.Null;
        if (_rentedRequestBody is not null)
        {
            ArrayPool<byte>.Shared.Return(_rentedRequestBody);
            _rentedRequestBody = null;
        }
    }

    public void SetUser(ClaimsPrincipal user) =>
        Features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = user });

    /// <summary>Uses a pooled buffer as the request body; returned to the pool by <see cref="End"/>.</summary>
    public void SetRequestBody(byte[] rented, int length)
    {
        _rentedRequestBody = rented;
        Request.Body = new MemoryStream(rented, 0, length, writable: false, publiclyVisible: true);
    }
}
