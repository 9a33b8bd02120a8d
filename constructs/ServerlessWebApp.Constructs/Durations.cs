using System.Collections.Concurrent;
using Amazon.CDK;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The construct's <see cref="Duration"/> values, each created once per process and then reused.
/// </summary>
/// <remarks>
/// Every <c>Duration.Days(14)</c> is a jsii round trip to the Node process (about a millisecond); the construct asks
/// for the same handful of values for every function, queue, bucket and schedule of every stage. A CDK
/// <see cref="Duration"/> is immutable and fully determined by its unit and amount, so sharing one instance per value
/// cannot change what any template renders; the cache only ever grows by value and is safe to read from any thread.
/// </remarks>
internal static class Durations
{
    private static readonly ConcurrentDictionary<(char Unit, double Amount), Duration> cache = new();

    public static Duration Seconds(double amount) => cache.GetOrAdd(('s', amount), key => Duration.Seconds(key.Amount));

    public static Duration Minutes(double amount) => cache.GetOrAdd(('m', amount), key => Duration.Minutes(key.Amount));

    public static Duration Hours(double amount) => cache.GetOrAdd(('h', amount), key => Duration.Hours(key.Amount));

    public static Duration Days(double amount) => cache.GetOrAdd(('d', amount), key => Duration.Days(key.Amount));
}
