using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>The event sources the app mapped with <c>MapEvent</c>.</summary>
internal sealed partial class EventSourceRegistry
{
    private readonly ConcurrentDictionary<string, EventSourceRegistration> _sources = new(StringComparer.Ordinal);
    private readonly EventSourceRoutes _routes;

    public EventSourceRegistry(EventSourceRoutes routes) => _routes = routes;

    /// <exception cref="ArgumentException">The name is invalid.</exception>
    /// <exception cref="InvalidOperationException">
    /// The name is mapped already, or the construct registered it for a source of another kind.
    /// </exception>
    public void Add(EventSourceRegistration registration)
    {
        if (!NamePattern().IsMatch(registration.Name))
        {
            throw new ArgumentException(
                $"Event source name '{registration.Name}' is invalid: use 1-64 characters from letters, digits, '-', '_' and '.'.",
                "name");
        }
        if (_routes.ArnOf(registration.Name) is { } arn && EventSourceRoutes.KindOfArn(arn) is { } registered &&
            registered != registration.Kind)
        {
            throw new InvalidOperationException(
                $"Event source '{registration.Name}' is mapped with {registration.RecordTypeName} ({registration.Kind} records), " +
                $"but the construct registered it for {arn}, a {registered} source. Map it with the {registered} record type.");
        }
        if (!_sources.TryAdd(registration.Name, registration))
        {
            throw new InvalidOperationException($"An event source named '{registration.Name}' is already mapped.");
        }
    }

    public EventSourceRegistration? Find(string name) => _sources.GetValueOrDefault(name);

    public string DescribeKnown() => _sources.IsEmpty ? "(none mapped)" : string.Join(", ", _sources.Keys.Order(StringComparer.Ordinal));

    [GeneratedRegex(SwaNames.EventSourceNamePattern)]
    private static partial Regex NamePattern();
}
