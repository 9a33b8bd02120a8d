using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>Reads an event's method as the shared <see cref="HttpMethods"/> string, allocating only for unusual methods.</summary>
internal static class HttpMethodNames
{
    public static string Read(JsonElement method)
    {
        if (method.ValueKind != JsonValueKind.String) return HttpMethods.Get;
        if (method.ValueEquals("GET"u8)) return HttpMethods.Get;
        if (method.ValueEquals("POST"u8)) return HttpMethods.Post;
        if (method.ValueEquals("PUT"u8)) return HttpMethods.Put;
        if (method.ValueEquals("DELETE"u8)) return HttpMethods.Delete;
        if (method.ValueEquals("PATCH"u8)) return HttpMethods.Patch;
        if (method.ValueEquals("HEAD"u8)) return HttpMethods.Head;
        if (method.ValueEquals("OPTIONS"u8)) return HttpMethods.Options;
        return HttpMethods.GetCanonicalizedValue(method.GetString()!.ToUpperInvariant());
    }

    public static string Read(JsonElement container, ReadOnlySpan<byte> propertyName) =>
        container.ValueKind == JsonValueKind.Object && container.TryGetProperty(propertyName, out var method)
            ? Read(method)
            : HttpMethods.Get;
}
