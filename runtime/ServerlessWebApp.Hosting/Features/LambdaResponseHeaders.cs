using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// The response headers, refusing what Kestrel refuses as it is set: a name that is not a token, a value with a
/// control character (CR/LF included) or a non-ASCII character. An app that copies user input into a header gets the
/// same exception — and so the same 500 — in both places, instead of a header split in two.
/// </summary>
internal sealed class LambdaResponseHeaders : IHeaderDictionary
{
    public HeaderDictionary Inner { get; } = new();

    public StringValues this[string key]
    {
        get => Inner[key];
        set
        {
            Validate(key, value);
            Inner[key] = value;
        }
    }

    public long? ContentLength
    {
        get => Inner.ContentLength;
        set => Inner.ContentLength = value;
    }

    public ICollection<string> Keys => Inner.Keys;

    public ICollection<StringValues> Values => Inner.Values;

    public int Count => Inner.Count;

    public bool IsReadOnly => Inner.IsReadOnly;

    public void Add(string key, StringValues value)
    {
        Validate(key, value);
        Inner.Add(key, value);
    }

    public void Add(KeyValuePair<string, StringValues> item) => Add(item.Key, item.Value);

    public bool ContainsKey(string key) => Inner.ContainsKey(key);

    public bool Remove(string key) => Inner.Remove(key);

    public bool TryGetValue(string key, out StringValues value) => Inner.TryGetValue(key, out value);

    public void Clear() => Inner.Clear();

    public bool Contains(KeyValuePair<string, StringValues> item) => ((ICollection<KeyValuePair<string, StringValues>>)Inner).Contains(item);

    public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, StringValues>>)Inner).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, StringValues> item) => ((ICollection<KeyValuePair<string, StringValues>>)Inner).Remove(item);

    public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => Inner.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Inner.GetEnumerator();

    private static void Validate(string key, StringValues values)
    {
        if (!HttpCharacters.IsToken(key))
        {
            throw new InvalidOperationException($"Invalid header name '{key}': header names are tokens of ASCII letters, digits and !#$%&'*+-.^_`|~.");
        }
        foreach (var value in values)
        {
            if (value is null) continue;
            var invalid = HttpCharacters.IndexOfInvalidResponseValueChar(value);
            if (invalid >= 0) throw new InvalidOperationException($"Invalid non-ASCII or control character in header: 0x{(int)value[invalid]:X4}");
        }
    }
}
