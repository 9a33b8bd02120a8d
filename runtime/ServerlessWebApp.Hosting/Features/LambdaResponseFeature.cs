using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// Status, headers and the <c>OnStarting</c>/<c>OnCompleted</c> callbacks of the response. Like Kestrel it refuses
/// status and header changes once the response has started, headers Kestrel would refuse, and body writes that no
/// HTTP/1.1 response could carry.
/// </summary>
internal sealed class LambdaResponseFeature : IHttpResponseFeature
{
    private readonly LambdaResponseHeaders _headers = new();
    private List<(Func<object, Task> Callback, object State)>? _onStarting;
    private List<(Func<object, Task> Callback, object State)>? _onCompleted;
    private int _statusCode = StatusCodes.Status200OK;
    private string? _reasonPhrase;
    private bool _starting;

    public int StatusCode
    {
        get => _statusCode;
        set
        {
            ThrowIfStarted(nameof(StatusCode));
            _statusCode = value;
        }
    }

    public string? ReasonPhrase
    {
        get => _reasonPhrase;
        set
        {
            ThrowIfStarted(nameof(ReasonPhrase));
            _reasonPhrase = value;
        }
    }

    public IHeaderDictionary Headers { get; set; }

    /// <summary>The headers as the concrete type, for allocation-free enumeration.</summary>
    public HeaderDictionary ResponseHeaders => _headers.Inner;

    [Obsolete("Use IHttpResponseBodyFeature.Stream instead.")]
    public Stream Body { get; set; } = Stream.Null;

    public bool HasStarted { get; private set; }

    public LambdaResponseFeature() => Headers = _headers;

    public void OnStarting(Func<object, Task> callback, object state)
    {
        ThrowIfStarted(nameof(OnStarting));
        (_onStarting ??= []).Add((callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state) => (_onCompleted ??= []).Add((callback, state));

    /// <summary>Runs the <c>OnStarting</c> callbacks (last registered first) and locks status and headers.</summary>
    public async Task StartAsync()
    {
        if (HasStarted || _starting) return;
        _starting = true;
        if (_onStarting is not null)
        {
            // The callbacks may still set the status and headers: the response starts once they have run.
            for (var i = _onStarting.Count - 1; i >= 0; i--)
            {
                await _onStarting[i].Callback(_onStarting[i].State).ConfigureAwait(false);
            }
        }
        HasStarted = true;
        _headers.Inner.IsReadOnly = true;
    }

    /// <summary>
    /// Kestrel's checks on a body write: no body on a 204, 205 or 304, and not beyond the Content-Length the app set.
    /// </summary>
    public void VerifyWrite(long written, int count)
    {
        if (count == 0) return;
        if (!CanHaveBody(_statusCode))
        {
            throw new InvalidOperationException($"Writing to the response body is invalid for responses with status code {_statusCode}.");
        }
        if (_headers.Inner.ContentLength is { } length && written + count > length)
        {
            throw new InvalidOperationException($"Response Content-Length mismatch: too many bytes written ({written + count} of {length}).");
        }
    }

    /// <summary>Whether a response with this status carries a body at all.</summary>
    public static bool CanHaveBody(int statusCode) => statusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent or StatusCodes.Status304NotModified);

    /// <summary>Runs the <c>OnCompleted</c> callbacks (last registered first); returns the first failure, if any.</summary>
    public async Task<Exception?> CompleteAsync()
    {
        Exception? first = null;
        if (_onCompleted is null) return null;
        for (var i = _onCompleted.Count - 1; i >= 0; i--)
        {
            try
            {
                await _onCompleted[i].Callback(_onCompleted[i].State).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                first ??= ex;
            }
        }
        return first;
    }

    /// <summary>Ready for the next request.</summary>
    public void Reset()
    {
        _headers.Inner.IsReadOnly = false;
        _headers.Clear();
        Headers = _headers;
        _statusCode = StatusCodes.Status200OK;
        _reasonPhrase = null;
        _onStarting?.Clear();
        _onCompleted?.Clear();
        HasStarted = false;
        _starting = false;
    }

    /// <summary>Replaces whatever the app produced with a bridge-generated response (error paths only).</summary>
    public void ResetForError(int statusCode)
    {
        HasStarted = true;
        _starting = true;
        _headers.Inner.IsReadOnly = false;
        _headers.Clear();
        _statusCode = statusCode;
        _reasonPhrase = null;
    }

    private void ThrowIfStarted(string member)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException($"{member} cannot be set because the response has already started.");
        }
    }
}
