using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// The app both servers run, with the shapes real apps use: minimal APIs with typed bodies and every binding source,
/// MVC controllers with validation, forms and uploads, cookies, redirects, 204/304, large, binary, compressed and
/// streamed responses, response callbacks, static files, authorization, exceptions, endpoint filters. Everything it
/// answers is deterministic, so Kestrel's answer and the bridge's can be compared byte for byte.
/// </summary>
internal static class ParityApp
{
    public const string PathBase = "/prod";

    /// <summary>256 KiB of seeded pseudo-random bytes: the same on both servers.</summary>
    public static readonly byte[] BinaryPayload = SeededBytes(256 * 1024, seed: 7);

    public static void AddServices(IServiceCollection services)
    {
        services.AddRouting();
        services.AddControllers().AddApplicationPart(typeof(OrdersController).Assembly);
        services.AddProblemDetails(options =>
            // The trace id differs between any two requests, whatever the server; the app leaves it out to be comparable.
            options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions.Remove("traceId"));
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddAuthentication(TestUserAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestUserAuthenticationHandler>(TestUserAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy("admins", policy => policy.RequireRole("admin"));
        services.AddSingleton<CompletionSignals>();
    }

    public static void Configure(WebApplication app, string staticFolder)
    {
        app.UsePathBase(PathBase);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/handled"), branch => branch.UseExceptionHandler());
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(staticFolder), RequestPath = "/static" });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        MapRequestEchoes(app);
        MapBinding(app);
        MapResponses(app);
        MapFailures(app);
    }

    private static void MapRequestEchoes(WebApplication app)
    {
        app.MapMethods("/echo/{**rest}", ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], RequestEcho.WriteAsync);
        app.MapGet("/connection", async (HttpContext context) =>
        {
            var certificate = await context.Connection.GetClientCertificateAsync();
            return Results.Json(new
            {
                context.Request.Scheme,
                context.Request.IsHttps,
                Host = context.Request.Host.Value,
                PathBase = context.Request.PathBase.Value,
                context.Request.Protocol,
                RemoteIp = context.Connection.RemoteIpAddress?.ToString(),
                ClientCertificate = certificate?.Subject,
                ClientCertificateThumbprint = certificate?.Thumbprint,
                SameCertificate = ReferenceEquals(certificate, context.Connection.ClientCertificate),
                Url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}",
            });
        });
    }

    private static void MapBinding(WebApplication app)
    {
        app.MapPost("/people", (Person person) => Results.Created($"/people/{person.Name}", person));
        app.MapPut("/people/{id:int}", (int id, [FromBody] Person person) => Results.Ok(new { id, person }));
        app.MapGet("/items/{id:int}", (int id, [FromQuery] string? sort, [FromHeader(Name = "X-Tenant")] string tenant) =>
            Results.Ok(new { id, sort, tenant }));
        app.MapGet("/search", ([FromQuery] int page, [FromQuery] string[] tags) => Results.Ok(new { page, tags }));
        // Repeated form fields through IFormCollection: ASP.NET Core 10.0's reflection binder refuses [FromForm] string[].
        app.MapPost("/form", ([FromForm] string name, [FromForm] int age, IFormCollection form) =>
            Results.Ok(new { name, age, pets = form["pets"].ToArray() })).DisableAntiforgery();
        app.MapPost("/upload", async ([FromForm] string title, IFormFile file) =>
        {
            await using var stream = file.OpenReadStream();
            var hash = Convert.ToHexString(await SHA256.HashDataAsync(stream));
            return Results.Ok(new { title, file.FileName, file.Name, file.ContentType, file.Length, hash });
        }).DisableAntiforgery();
        app.MapGet("/filtered", (int n) => Results.Ok(new { n, squared = n * n }))
            .AddEndpointFilter(async (context, next) =>
            {
                var n = context.GetArgument<int>(0);
                if (n < 0) return Results.ValidationProblem(new Dictionary<string, string[]> { ["n"] = ["must not be negative"] });
                context.HttpContext.Response.Headers["X-Filtered"] = "yes";
                return await next(context);
            });
        app.MapGet("/secure", (HttpContext context) => $"hello {context.User.Identity!.Name}").RequireAuthorization();
        app.MapGet("/admin", (HttpContext context) => $"admin {context.User.Identity!.Name}").RequireAuthorization("admins");
    }

    private static void MapResponses(WebApplication app)
    {
        app.MapGet("/text", () => "plain text");
        app.MapGet("/cookies/set", (HttpContext context) =>
        {
            context.Response.Cookies.Append("session", "abc123", new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Path = "/prod" });
            context.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = new DateTimeOffset(2037, 1, 1, 0, 0, 0, TimeSpan.Zero) });
            context.Response.Cookies.Append("lang", "en");
            return "cookies set";
        });
        app.MapGet("/cookies/one", (HttpContext context) =>
        {
            context.Response.Cookies.Append("only", "1");
            return Results.NoContent();
        });
        app.MapGet("/cookies/delete", (HttpContext context) =>
        {
            context.Response.Cookies.Delete("session", new CookieOptions { Path = "/prod" });
            return "deleted";
        });
        app.MapGet("/redirect", () => Results.Redirect("/prod/echo/target?from=redirect"));
        app.MapGet("/redirect/permanent", () => Results.Redirect("https://elsewhere.example/x", permanent: true, preserveMethod: true));
        app.MapGet("/redirect/local", () => Results.LocalRedirect("~/echo/local"));
        app.MapGet("/no-content", () => Results.NoContent());
        app.MapGet("/etag", (HttpContext context) =>
        {
            const string etag = "\"v1\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Text("tagged", "text/plain");
        });
        app.MapGet("/large-text", () => Results.Text(new string('a', 512 * 1024) + new string('é', 256 * 1024), "text/plain; charset=utf-8"));
        app.MapGet("/binary", () => Results.Bytes(BinaryPayload, "application/octet-stream"));
        app.MapGet("/binary-untyped", async (HttpContext context) => await context.Response.Body.WriteAsync(BinaryPayload.AsMemory(0, 1000)));
        app.MapGet("/compressible", () => Results.Text(string.Concat(Enumerable.Repeat("compress me please; ", 500)), "text/plain"));
        app.MapGet("/stream", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            for (var i = 0; i < 10; i++)
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"piece {i}\n"));
                await context.Response.Body.FlushAsync();
            }
        });
        app.MapGet("/stream-writer", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            for (var i = 0; i < 5; i++)
            {
                var line = Encoding.UTF8.GetBytes($"{{\"n\":{i}}}\n");
                line.CopyTo(context.Response.BodyWriter.GetSpan(line.Length));
                context.Response.BodyWriter.Advance(line.Length);
                await context.Response.BodyWriter.FlushAsync();
            }
        });
        app.MapGet("/on-starting", (HttpContext context) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Started"] = "late";
                context.Response.StatusCode = 202;
                return Task.CompletedTask;
            });
            return context.Response.WriteAsync("accepted");
        });
        app.MapGet("/on-completed/{id}", (string id, HttpContext context, CompletionSignals signals) =>
        {
            context.Response.OnCompleted(() =>
            {
                signals.Complete(id, context.Response.HasStarted);
                return Task.CompletedTask;
            });
            return "done";
        });
        app.MapGet("/json-unicode", () => Results.Json(new { text = "naïve café – ✓", emoji = "😀" }));
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/headers/multi", (HttpContext context) =>
        {
            context.Response.Headers.Append("X-Multi", "one");
            context.Response.Headers.Append("X-Multi", "two");
            context.Response.Headers.CacheControl = "no-cache, no-store";
            context.Response.Headers.Vary = "Accept";
            return "multi";
        });
        app.MapGet("/content-length", (HttpContext context) =>
        {
            context.Response.ContentLength = 5;
            return context.Response.WriteAsync("exact");
        });
    }

    private static void MapFailures(WebApplication app)
    {
        app.MapGet("/throw", IResult () => throw new InvalidOperationException("the database is gone"));
        app.MapGet("/throw-after-write", async (HttpContext context) =>
        {
            await context.Response.WriteAsync("partial");
            await context.Response.Body.FlushAsync();
            throw new InvalidOperationException("failed half way");
        });
        app.MapGet("/handled/throw", IResult () => throw new InvalidOperationException("handled by the exception handler"));
        app.MapGet("/sync-write", (HttpContext context) =>
        {
            context.Response.Body.Write("synchronous"u8);
            return Task.CompletedTask;
        });
        app.MapPost("/sync-read", (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            return reader.ReadToEnd();
        });
        app.MapGet("/content-length-short", async (HttpContext context) =>
        {
            context.Response.ContentLength = 10;
            await context.Response.WriteAsync("short");
        });
        app.MapGet("/content-length-unwritten", (HttpContext context) =>
        {
            context.Response.ContentLength = 339;
            return Task.CompletedTask;
        });
        app.MapGet("/content-length-long", async (HttpContext context) =>
        {
            context.Response.ContentLength = 2;
            await context.Response.WriteAsync("too long");
        });
        app.MapGet("/header-injection", (string to) => Results.Redirect(to));
        app.MapGet("/header-value", (string v, HttpContext context) =>
        {
            context.Response.Headers["X-Value"] = v;
            return "header set";
        });
        app.MapPost("/limited", async (HttpContext context) =>
        {
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = 10;
            using var reader = new StreamReader(context.Request.Body);
            return await reader.ReadToEndAsync();
        });
        app.MapGet("/bad-request-exception", IResult () => throw new BadHttpRequestException("thrown by the app", StatusCodes.Status422UnprocessableEntity));
        app.MapGet("/on-starting-throws", (HttpContext context) =>
        {
            context.Response.OnStarting(() => throw new InvalidOperationException("OnStarting failed"));
            return "never sent";
        });
        app.MapGet("/throw-after-complete-body", async (HttpContext context) =>
        {
            context.Response.ContentLength = 5;
            await context.Response.WriteAsync("whole");
            await context.Response.Body.FlushAsync();
            throw new InvalidOperationException("failed after the whole body was sent");
        });
        app.MapGet("/header-non-ascii", (HttpContext context) =>
        {
            context.Response.Headers["X-Name"] = "café";
            return "non-ascii header";
        });
        app.MapGet("/write-no-content", async (HttpContext context) =>
        {
            context.Response.StatusCode = 204;
            await context.Response.WriteAsync("body on a 204");
        });
        app.MapGet("/abort", (HttpContext context) => context.Abort());
    }

    private static byte[] SeededBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
