using System.Collections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// The features of one request, reused for the next one (Lambda runs one at a time): the bridge's own features sit
/// in fields, anything middleware adds goes to a small list that <see cref="Reset"/> empties, and a feature that
/// middleware replaced (response compression wrapping the body, for example) is put back.
/// </summary>
internal class LambdaFeatureCollection : IFeatureCollection
{
    private readonly List<KeyValuePair<Type, object>> _added = [];
    private readonly LambdaRequestFeature _defaultRequest;
    private readonly LambdaResponseFeature _defaultResponse;
    private readonly LambdaResponseBodyFeature _defaultBody;
    private readonly LambdaConnectionFeature _defaultConnection;
    private readonly LambdaRequestLifetimeFeature _defaultLifetime;
    private readonly LambdaRequestIdentifierFeature _defaultIdentifier;
    private readonly LambdaRequestContextFeature _defaultContext;

    private IHttpRequestFeature? _request;
    private IHttpResponseFeature? _response;
    private IHttpResponseBodyFeature? _body;
    private IHttpConnectionFeature? _connection;
    private IHttpRequestLifetimeFeature? _lifetime;
    private IHttpRequestIdentifierFeature? _identifier;
    private ILambdaRequestContextFeature? _context;
    private IHttpAuthenticationFeature? _authentication;

    public LambdaFeatureCollection(LambdaRequestFeature request, LambdaResponseFeature response, LambdaResponseBodyFeature body,
        LambdaConnectionFeature connection, LambdaRequestLifetimeFeature lifetime, LambdaRequestIdentifierFeature identifier,
        LambdaRequestContextFeature context)
    {
        _defaultRequest = request;
        _defaultResponse = response;
        _defaultBody = body;
        _defaultConnection = connection;
        _defaultLifetime = lifetime;
        _defaultIdentifier = identifier;
        _defaultContext = context;
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
            if (key == typeof(ILambdaRequestContextFeature)) return _context;
            if (key == typeof(IHttpAuthenticationFeature)) return _authentication;
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
            else if (key == typeof(ILambdaRequestContextFeature)) _context = (ILambdaRequestContextFeature?)value;
            else if (key == typeof(IHttpAuthenticationFeature)) _authentication = (IHttpAuthenticationFeature?)value;
            else SetAdded(key, value);
        }
    }

    public TFeature? Get<TFeature>() => (TFeature?)this[typeof(TFeature)];

    public void Set<TFeature>(TFeature? instance) => this[typeof(TFeature)] = instance;

    /// <summary>Back to the bridge's own features only, ready for the next request.</summary>
    public void Reset()
    {
        _request = _defaultRequest;
        _response = _defaultResponse;
        _body = _defaultBody;
        _connection = _defaultConnection;
        _lifetime = _defaultLifetime;
        _identifier = _defaultIdentifier;
        _context = _defaultContext;
        _authentication = null;
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
        if (_context is not null) yield return new(typeof(ILambdaRequestContextFeature), _context);
        if (_authentication is not null) yield return new(typeof(IHttpAuthenticationFeature), _authentication);
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
