using System.Collections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// The features of one request, reused for the next one (Lambda runs one at a time): the bridge's own features sit
/// in fields, anything middleware adds goes to a small list that <see cref="Reset"/> empties, and a feature that
/// middleware replaced (response compression wrapping the body, for example) is put back. It offers what Kestrel
/// offers an HTTP/1.1 request, so the pipeline takes the same decisions (binding a body, synchronous I/O, size limits).
/// </summary>
internal class LambdaFeatureCollection : IFeatureCollection
{
    private readonly List<KeyValuePair<Type, object>> _added = [];
    private readonly LambdaFeatureSet _defaults;

    private IHttpRequestFeature? _request;
    private IHttpRequestBodyDetectionFeature? _bodyDetection;
    private IHttpMaxRequestBodySizeFeature? _maxBodySize;
    private IHttpBodyControlFeature? _bodyControl;
    private IHttpResponseFeature? _response;
    private IHttpResponseBodyFeature? _body;
    private IHttpConnectionFeature? _connection;
    private IHttpRequestLifetimeFeature? _lifetime;
    private IHttpRequestIdentifierFeature? _identifier;
    private ILambdaRequestContextFeature? _context;
    private IHttpAuthenticationFeature? _authentication;
    private ITlsConnectionFeature? _tls;

    public LambdaFeatureCollection(LambdaFeatureSet defaults)
    {
        _defaults = defaults;
        Reset();
    }

    public bool IsReadOnly => false;

    public int Revision { get; private set; }

    public object? this[Type key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            if (key == typeof(IHttpRequestFeature)) return _request;
            if (key == typeof(IHttpResponseFeature)) return _response;
            if (key == typeof(IHttpResponseBodyFeature)) return _body;
            if (key == typeof(IHttpConnectionFeature)) return _connection;
            if (key == typeof(IHttpRequestLifetimeFeature)) return _lifetime;
            if (key == typeof(IHttpRequestIdentifierFeature)) return _identifier;
            if (key == typeof(IHttpRequestBodyDetectionFeature)) return _bodyDetection;
            if (key == typeof(IHttpMaxRequestBodySizeFeature)) return _maxBodySize;
            if (key == typeof(IHttpBodyControlFeature)) return _bodyControl;
            if (key == typeof(ILambdaRequestContextFeature)) return _context;
            if (key == typeof(IHttpAuthenticationFeature)) return _authentication;
            if (key == typeof(ITlsConnectionFeature)) return _tls;
            foreach (var (type, feature) in _added)
            {
                if (type == key) return feature;
            }
            return null;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            Revision++;
            if (key == typeof(IHttpRequestFeature)) _request = (IHttpRequestFeature?)value;
            else if (key == typeof(IHttpResponseFeature)) _response = (IHttpResponseFeature?)value;
            else if (key == typeof(IHttpResponseBodyFeature)) _body = (IHttpResponseBodyFeature?)value;
            else if (key == typeof(IHttpConnectionFeature)) _connection = (IHttpConnectionFeature?)value;
            else if (key == typeof(IHttpRequestLifetimeFeature)) _lifetime = (IHttpRequestLifetimeFeature?)value;
            else if (key == typeof(IHttpRequestIdentifierFeature)) _identifier = (IHttpRequestIdentifierFeature?)value;
            else if (key == typeof(IHttpRequestBodyDetectionFeature)) _bodyDetection = (IHttpRequestBodyDetectionFeature?)value;
            else if (key == typeof(IHttpMaxRequestBodySizeFeature)) _maxBodySize = (IHttpMaxRequestBodySizeFeature?)value;
            else if (key == typeof(IHttpBodyControlFeature)) _bodyControl = (IHttpBodyControlFeature?)value;
            else if (key == typeof(ILambdaRequestContextFeature)) _context = (ILambdaRequestContextFeature?)value;
            else if (key == typeof(IHttpAuthenticationFeature)) _authentication = (IHttpAuthenticationFeature?)value;
            else if (key == typeof(ITlsConnectionFeature)) _tls = (ITlsConnectionFeature?)value;
            else SetAdded(key, value);
        }
    }

    public TFeature? Get<TFeature>() => (TFeature?)this[typeof(TFeature)];

    public void Set<TFeature>(TFeature? instance) => this[typeof(TFeature)] = instance;

    /// <summary>Back to the bridge's own features only, ready for the next request.</summary>
    public void Reset()
    {
        _request = _defaults.Request;
        _bodyDetection = _defaults.RequestBody;
        _maxBodySize = _defaults.RequestBody;
        _bodyControl = _defaults.BodyControl;
        _response = _defaults.Response;
        _body = _defaults.ResponseBody;
        _connection = _defaults.Connection;
        _lifetime = _defaults.Lifetime;
        _identifier = _defaults.Identifier;
        _context = _defaults.Context;
        _authentication = null;
        _tls = null;
        _added.Clear();
        Revision++;
    }

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator()
    {
        if (_request is not null) yield return new(typeof(IHttpRequestFeature), _request);
        if (_response is not null) yield return new(typeof(IHttpResponseFeature), _response);
        if (_body is not null) yield return new(typeof(IHttpResponseBodyFeature), _body);
        if (_connection is not null) yield return new(typeof(IHttpConnectionFeature), _connection);
        if (_lifetime is not null) yield return new(typeof(IHttpRequestLifetimeFeature), _lifetime);
        if (_identifier is not null) yield return new(typeof(IHttpRequestIdentifierFeature), _identifier);
        if (_bodyDetection is not null) yield return new(typeof(IHttpRequestBodyDetectionFeature), _bodyDetection);
        if (_maxBodySize is not null) yield return new(typeof(IHttpMaxRequestBodySizeFeature), _maxBodySize);
        if (_bodyControl is not null) yield return new(typeof(IHttpBodyControlFeature), _bodyControl);
        if (_context is not null) yield return new(typeof(ILambdaRequestContextFeature), _context);
        if (_authentication is not null) yield return new(typeof(IHttpAuthenticationFeature), _authentication);
        if (_tls is not null) yield return new(typeof(ITlsConnectionFeature), _tls);
        foreach (var added in _added) yield return added;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void SetAdded(Type key, object? value)
    {
        for (var i = 0; i < _added.Count; i++)
        {
            if (_added[i].Key != key) continue;
            if (value is null) _added.RemoveAt(i);
            else _added[i] = new(key, value);
            return;
        }
        if (value is not null) _added.Add(new(key, value));
    }
}
