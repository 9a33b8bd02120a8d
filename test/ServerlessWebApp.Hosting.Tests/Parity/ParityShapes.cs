using System.Net.Http.Headers;
using System.Text;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>The request shapes sent to both servers: what real clients send to real apps, and some they should not.</summary>
internal static class ParityShapes
{
    public const string MultipartBoundary = "parity-boundary-7d1f";

    public static readonly IReadOnlyList<ParityRequest> All = Build();

    public static ParityRequest Find(string name) => All.Single(s => s.Name == name);

    private static List<ParityRequest> Build()
    {
        var json = "application/json";
        var form = "application/x-www-form-urlencoded";
        List<ParityRequest> shapes =
        [
            // The request as the app sees it: method, path, query, headers, cookies, body.
            ParityRequest.Get("/prod/echo"),
            ParityRequest.Get("/prod/echo/"),
            ParityRequest.Get("/prod/echo/a/b/c"),
            ParityRequest.Get("/prod/echo?x=1&y=two&x=3"),
            ParityRequest.Get("/prod/echo?q=a%20b&u=%C3%A9t%C3%A9&amp=%26"),
            ParityRequest.Get("/prod/echo?empty=&z=%2F"),
            ParityRequest.Get("/prod/echo/a%20b/c"),
            ParityRequest.Get("/prod/echo/caf%C3%A9"),
            ParityRequest.Get("/prod/echo/a%2525b"),
            ParityRequest.Get("/prod/echo/100%25"),
            ParityRequest.Get("/prod/echo/x/../y"),
            ParityRequest.Get("/prod/echo/./x/./y"),
            ParityRequest.Get("/prod/echo/x/%2E%2E/z"),
            ParityRequest.Get("/prod/echo/a%2Fb"),
            ParityRequest.Get("/prod/echo/a%00b"),
            ParityRequest.Get("/prod/echo?flag&a="),
            ParityRequest.Get("/prod/echo", ("X-Custom", "value"), ("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8")),
            ParityRequest.Get("/prod/echo", ("X-Multi", "one"), ("X-Multi", "two")),
            ParityRequest.Get("/prod/echo", ("Cookie", "a=1; b=two; c=%22quoted%22")),
            ParityRequest.Get("/prod/echo", ("X-Unicode", "naïve")),
            ParityRequest.Send("POST", "/prod/echo", "text/plain; charset=utf-8", "hello body"),
            ParityRequest.Send("POST", "/prod/echo", null, ""),
            ParityRequest.Send("PUT", "/prod/echo", json, """{"a":1,"b":"ünï"}"""),
            ParityRequest.Send("PATCH", "/prod/echo", json, """[{"op":"replace","path":"/a","value":2}]"""),
            new("DELETE /prod/echo/7", "DELETE", "/prod/echo/7", [], null),
            new("OPTIONS /prod/echo", "OPTIONS", "/prod/echo", [], null),
            new("HEAD /prod/text", "HEAD", "/prod/text", [], null),
            ParityRequest.Get("/prod"),
            ParityRequest.Get("/prod/"),
            ParityRequest.Get("/prod/nowhere"),

            // Minimal APIs: typed JSON bodies, route values, query, header, form, upload, filters.
            ParityRequest.Send("POST", "/prod/people", json, """{"name":"Ada","age":36,"tags":["math","engines"]}"""),
            ParityRequest.Send("POST", "/prod/people", "application/json; charset=utf-8", """{"name":"Émile","age":7}"""),
            ParityRequest.Send("PUT", "/prod/people/5", json, """{"name":"Grace","age":85}"""),
            ParityRequest.Send("POST", "/prod/people", json, """{"name":"Ada","age":"""),
            ParityRequest.Send("POST", "/prod/people", "text/plain", """{"name":"Ada","age":36}"""),
            ParityRequest.Send("POST", "/prod/people", json, ""),
            ParityRequest.Get("/prod/items/9?sort=desc", ("X-Tenant", "acme")),
            ParityRequest.Get("/prod/items/9"),
            ParityRequest.Get("/prod/items/abc", ("X-Tenant", "acme")),
            ParityRequest.Get("/prod/search?page=2&tags=a&tags=b%20c"),
            ParityRequest.Get("/prod/search?page=two"),
            ParityRequest.Send("POST", "/prod/form", form, "name=Ada+Lovelace&age=36&pets=cat&pets=dog%21"),
            ParityRequest.Send("POST", "/prod/form", form, "name=Ada&age=old"),
            ParityRequest.Send("POST", "/prod/upload", $"multipart/form-data; boundary={MultipartBoundary}", Multipart("notes.txt", "text/plain", Encoding.UTF8.GetBytes("line one\nline two\n"))),
            ParityRequest.Send("POST", "/prod/upload", $"multipart/form-data; boundary={MultipartBoundary}", Multipart("image.bin", "application/octet-stream", ParityApp.BinaryPayload[..50_000])),
            ParityRequest.Get("/prod/filtered?n=7"),
            ParityRequest.Get("/prod/filtered?n=-1"),

            // MVC controller: validation, binding sources, CreatedAtAction, not found, authorization.
            ParityRequest.Get("/prod/api/orders/7?details=true", ("X-Client", "mobile")),
            ParityRequest.Get("/prod/api/orders/0"),
            ParityRequest.Send("POST", "/prod/api/orders", json, """{"product":"widget","quantity":3,"email":"a@example.com"}"""),
            ParityRequest.Send("POST", "/prod/api/orders", json, """{"product":"","quantity":1000,"email":"not-an-email"}"""),
            ParityRequest.Send("POST", "/prod/api/orders", json, """{"product": """),
            ParityRequest.Send("POST", "/prod/api/orders", "application/xml", "<order/>"),
            ParityRequest.Send("POST", "/prod/api/orders/form", form, "Product=gadget&Quantity=2"),
            ParityRequest.Send("POST", "/prod/api/orders/form", form, "Product=&Quantity=0"),
            ParityRequest.Get("/prod/api/orders/secure"),
            ParityRequest.Get("/prod/api/orders/secure", ("X-Test-User", "alice")),
            ParityRequest.Get("/prod/api/orders/secure", ("X-Test-User", "root; roles=admin")),

            // Authorization on minimal APIs.
            ParityRequest.Get("/prod/secure"),
            ParityRequest.Get("/prod/secure", ("X-Test-User", "alice")),
            ParityRequest.Get("/prod/admin", ("X-Test-User", "alice")),
            ParityRequest.Get("/prod/admin", ("X-Test-User", "root; roles=admin,ops")),

            // Responses: cookies, redirects, 204/304, large, binary, compressed, streamed, callbacks, headers.
            ParityRequest.Get("/prod/cookies/set"),
            ParityRequest.Get("/prod/cookies/one"),
            ParityRequest.Get("/prod/cookies/delete"),
            ParityRequest.Get("/prod/redirect"),
            ParityRequest.Get("/prod/redirect/permanent"),
            ParityRequest.Get("/prod/redirect/local"),
            ParityRequest.Get("/prod/no-content"),
            ParityRequest.Get("/prod/etag"),
            ParityRequest.Get("/prod/etag", ("If-None-Match", "\"v1\"")),
            ParityRequest.Get("/prod/large-text"),
            ParityRequest.Get("/prod/binary"),
            ParityRequest.Get("/prod/binary-untyped"),
            ParityRequest.Get("/prod/compressible"),
            ParityRequest.Get("/prod/compressible", ("Accept-Encoding", "gzip")),
            ParityRequest.Get("/prod/compressible", ("Accept-Encoding", "br")),
            ParityRequest.Get("/prod/stream"),
            ParityRequest.Get("/prod/stream-writer"),
            ParityRequest.Get("/prod/on-starting"),
            ParityRequest.Get("/prod/on-completed/parity"),
            ParityRequest.Get("/prod/json-unicode"),
            ParityRequest.Get("/prod/status/418"),
            ParityRequest.Get("/prod/headers/multi"),
            ParityRequest.Get("/prod/content-length"),
            new("HEAD /prod/content-length", "HEAD", "/prod/content-length", [], null),
            ParityRequest.Get("/prod/connection"),

            // Static files: plain, binary, conditional, range, HEAD, missing.
            ParityRequest.Get("/prod/static/hello.txt"),
            ParityRequest.Get("/prod/static/logo.png"),
            ParityRequest.Get("/prod/static/hello.txt", ("If-Modified-Since", "Sat, 01 Jan 2050 00:00:00 GMT")),
            ParityRequest.Get("/prod/static/hello.txt", ("Range", "bytes=0-4")),
            new("HEAD /prod/static/hello.txt", "HEAD", "/prod/static/hello.txt", [], null),
            ParityRequest.Get("/prod/static/missing.txt"),

            // Failures: exceptions, aborts, broken framing, invalid headers, synchronous I/O.
            ParityRequest.Get("/prod/throw"),
            ParityRequest.Get("/prod/throw-after-write"),
            ParityRequest.Get("/prod/handled/throw"),
            ParityRequest.Get("/prod/abort"),
            ParityRequest.Get("/prod/sync-write"),
            ParityRequest.Send("POST", "/prod/sync-read", "text/plain", "read me synchronously"),
            ParityRequest.Get("/prod/content-length-short"),
            ParityRequest.Get("/prod/content-length-unwritten"),
            ParityRequest.Get("/prod/content-length-long"),
            ParityRequest.Get("/prod/header-injection?to=%2Fprod%0D%0ASet-Cookie:%20evil=1"),
            ParityRequest.Get("/prod/header-non-ascii"),
            ParityRequest.Get("/prod/header-value?v=tab%09inside"),
            ParityRequest.Get("/prod/header-value?v=del%7F"),
            ParityRequest.Get("/prod/header-value?v=bell%07"),
            ParityRequest.Get("/prod/header-value?v=plain%20value"),
            ParityRequest.Send("POST", "/prod/limited", "text/plain", "short"),
            ParityRequest.Send("POST", "/prod/limited", "text/plain", "longer than ten bytes"),
            ParityRequest.Get("/prod/bad-request-exception"),
            ParityRequest.Get("/prod/on-starting-throws"),
            ParityRequest.Get("/prod/throw-after-complete-body"),
            ParityRequest.Get("/prod/write-no-content"),
        ];
        return shapes;
    }

    /// <summary>A multipart/form-data body with a title field and one file, with a fixed boundary.</summary>
    private static byte[] Multipart(string fileName, string contentType, byte[] content)
    {
        using var multipart = new MultipartFormDataContent(MultipartBoundary);
        multipart.Add(new StringContent("quarterly report"), "title");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        multipart.Add(file, "file", fileName);
        return multipart.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }
}
