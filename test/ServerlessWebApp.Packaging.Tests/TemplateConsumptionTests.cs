using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Serverless.WebApp.Packaging.Tests.Support;
using Serverless.WebApp.TestSupport.RuntimeApi;
using Serverless.WebApp.TestSupport.Sqs;

namespace Serverless.WebApp.Packaging.Tests;

/// <summary>
/// A new user's path, outside the repository: install the template from a local feed, generate a project, run its
/// README's two commands, run it locally (the next synth keeps the asset), invoke one event locally, and run a POST
/// through the app as synth published it for Lambda, against the Lambda Runtime API emulator.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class TemplateConsumptionTests(PackedFeed feed)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private const string ProjectName = "Acme.Orders";

    [Fact]
    public async Task AGeneratedProjectSynthesizesTestsRunsLocallyAndAnswersOnLambda()
    {
        var root = Directory.CreateDirectory(Path.Combine(feed.Root, "consumer")).FullName;
        var environment = PackedFeed.Environment();

        // GIVEN the template installed from the feed into a private template hive (nothing reaches the user's templates)
        var hive = await feed.TemplateHiveAsync();

        // AND NuGet pointed at the feed from a folder above the generated project (which itself gets no nuget.config):
        // the packages restore from the feed and the registry, into a package folder of this run only
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        var packages = Path.Combine(root, "packages");
        await File.WriteAllTextAsync(Path.Combine(work, "nuget.config"), NuGetConfig(feed.Feed, packages, FallbackWithoutOwnPackages(root)));
        // AND the build tools' temporary files (the construct's publish folders among them) kept in this run's folder
        environment["TMPDIR"] = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;

        // WHEN a project is generated
        await CommandLine.RunAsync(work, environment, Step, "dotnet", "new", "serverlesswebapp", "-n", ProjectName, "--debug:custom-hive", hive);
        var project = Path.Combine(work, ProjectName);
        Assert.True(File.Exists(Path.Combine(project, "cdk.json")));
        Assert.True(File.Exists(Path.Combine(project, ".gitignore")));
        Assert.Empty(Directory.GetFiles(project, "nuget.config", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, RecurseSubdirectories = true }));

        // THEN its README's two commands are the synth and the tests, and both succeed as written
        var readme = await File.ReadAllTextAsync(Path.Combine(project, "README.md"));
        var commands = ReadmeCommands(readme);
        Assert.Equal(["npx --yes aws-cdk@2 synth", "dotnet test"], commands);
        await CommandLine.RunAsync(project, environment, Step, "bash", "-c", commands[0]);
        var assets = AssetHashes(project);
        Assert.NotEmpty(assets);
        AssertTemplateDeploysTheApp(project, assets);
        // (our packages came from the feed, not from a copy of the same version in a package folder)
        Assert.All(new[] { "ServerlessWebApp.Constructs", "ServerlessWebApp.Hosting" },
            id => Assert.True(Directory.Exists(Path.Combine(packages, id.ToLowerInvariant(), feed.Version)), $"{id} was not restored from the feed"));
        var tests = await CommandLine.RunAsync(project, environment, Step, "bash", "-c", commands[1]);
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]", tests.Output);

        // AND running it locally queues its task outside the project, so the next synth keeps the same asset
        var userData = Directory.CreateDirectory(Path.Combine(root, "user-data")).FullName;
        var local = new Dictionary<string, string?>(environment) { ["XDG_DATA_HOME"] = userData, ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        await using (var app = await LocalApp.StartAsync(project, local, Step,
            "run", "--no-build", "--project", $"src/{ProjectName}", "--urls", "http://127.0.0.1:0"))
        {
            using var http = new HttpClient { BaseAddress = app.Address };
            var accepted = await http.PostAsync("/orders", JsonContent.Create(new { sku = "BOOK-42", quantity = 2 }));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        Assert.Single(Directory.GetFiles(Path.Combine(userData, "ServerlessWebApp"), "tasks.db", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(project, "*.db*", SearchOption.AllDirectories));

        // AND `invoke`, as the README shows it, runs one of the shipped events through the app as Lambda would,
        // printing Lambda's response
        Assert.Contains($"dotnet run --project src/{ProjectName} -- invoke events/http-api.json", readme);
        var invoked = await CommandLine.RunAsync(project, local, Step,
            "dotnet", "run", "--no-build", "--project", $"src/{ProjectName}", "--", "invoke", "events/http-api.json");
        var invokeResponse = JsonDocument.Parse(invoked.StandardOutput).RootElement;
        Assert.Equal(202, invokeResponse.GetProperty("statusCode").GetInt32());
        Assert.Contains("\"sku\":\"BOOK-42\"", invokeResponse.GetProperty("body").GetString());

        var resynth = await CommandLine.RunAsync(project, environment, Step, "bash", "-c", commands[0]);
        Assert.Equal(assets, AssetHashes(project));
        Assert.DoesNotContain("Bundling asset", resynth.Output);

        // AND the published app answers a POST with a JSON body on Lambda (the Runtime API emulator), queueing its task.
        // Synth published it for arm64 (the construct's default), which cannot run on this machine: the same publish
        // for x86_64 gives the same files.
        var published = Path.Combine(root, "publish");
        await CommandLine.RunAsync(project, environment, Step, "dotnet", "publish", $"src/{ProjectName}", "--configuration", "Release",
            "--runtime", "linux-x64", "--self-contained", "false", "-p:UseAppHost=false", "--output", published);
        Assert.Equal(FileNames(AppAsset(project, ProjectName)), FileNames(published));
        await using var sqs = await FakeSqsServer.StartAsync();
        var queueUrl = sqs.CreateQueue("acme-orders-tasks");
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var publishedApp = new PublishedApp(published, ProjectName, PublishMode.FrameworkDependent);
        var lambdaEnvironment = LambdaEnvironment.For(emulator, publishedApp, "acme-orders");
        lambdaEnvironment["SWA_FUNCTION_ROLE"] = "web";
        lambdaEnvironment["SWA_TASK_QUEUE_URL"] = queueUrl;
        lambdaEnvironment["AWS_ENDPOINT_URL_SQS"] = sqs.ServiceUrl.ToString();
        lambdaEnvironment["AWS_ACCESS_KEY_ID"] = "test";
        lambdaEnvironment["AWS_SECRET_ACCESS_KEY"] = "test";
        await using var function = RuntimeProcess.Start(publishedApp.StartInfo(lambdaEnvironment));

        InvocationResult result;
        try
        {
            result = await emulator.InvokeAsync(await File.ReadAllTextAsync(Path.Combine(project, "src", ProjectName, "events", "http-api.json")), Step);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nThe function printed:\n{function.Output}", timeout);
        }

        Assert.True(result.Succeeded, $"{result}\n{function.Output}");
        var response = result.Json();
        Assert.Equal(202, response.GetProperty("statusCode").GetInt32());
        var order = JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement;
        Assert.Equal("BOOK-42", order.GetProperty("sku").GetString());
        Assert.Equal(2, order.GetProperty("quantity").GetInt32());
        var queued = Assert.Single(sqs.Messages(queueUrl));
        Assert.Contains("confirm-order", queued.Body);
        Assert.Contains(order.GetProperty("orderId").GetString()!, queued.Body);
    }

    /// <summary>
    /// The CLI's template deploys the generated app: web and worker functions on the managed .NET runtime, both running
    /// the app's published asset, behind one HTTP API, the worker fed by the task queue.
    /// </summary>
    private static void AssertTemplateDeploysTheApp(string project, IReadOnlyList<string> assets)
    {
        var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "cdk.out", "Acme-Orders.template.json"))).RootElement;
        var resources = template.GetProperty("Resources").EnumerateObject().Select(r => r.Value).ToList();
        IReadOnlyList<JsonElement> OfType(string type) =>
            resources.Where(r => r.GetProperty("Type").GetString() == type).Select(r => r.GetProperty("Properties")).ToList();

        var appFunctions = OfType("AWS::Lambda::Function").Where(f => f.TryGetProperty("Handler", out var h) && h.GetString() == ProjectName).ToList();
        Assert.True(appFunctions.Count == 2, $"expected the web and worker functions to run {ProjectName}, found {appFunctions.Count}");
        Assert.All(appFunctions, function =>
        {
            Assert.Equal("dotnet10", function.GetProperty("Runtime").GetString());
            var key = function.GetProperty("Code").GetProperty("S3Key").GetString()!;
            Assert.Contains(Path.GetFileNameWithoutExtension(key), assets);
        });
        Assert.Single(OfType("AWS::ApiGatewayV2::Api"));
        var mapping = Assert.Single(OfType("AWS::Lambda::EventSourceMapping"));
        var queue = mapping.GetProperty("EventSourceArn").GetProperty("Fn::GetAtt")[0].GetString()!;
        Assert.Equal("AWS::SQS::Queue", template.GetProperty("Resources").GetProperty(queue).GetProperty("Type").GetString());
    }

    /// <summary>The fenced shell blocks of the README's "The two commands" section, one command each.</summary>
    internal static IReadOnlyList<string> ReadmeCommands(string readme)
    {
        var section = Regex.Match(readme, @"^## The two commands\s*$(.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(section, @"^```sh\s*\n(.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value.Trim())
            .ToList();
    }

    /// <summary>The file assets of the synthesized stacks (their hashes name them in <c>*.assets.json</c>).</summary>
    private static IReadOnlyList<string> AssetHashes(string project) =>
        Directory.GetFiles(Path.Combine(project, "cdk.out"), "*.assets.json")
            .SelectMany(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("files").EnumerateObject().Select(f => f.Name))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> FileNames(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(directory, file)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The synthesized asset directory that holds the app's published assembly.</summary>
    private static string AppAsset(string project, string assemblyName) =>
        Assert.Single(Directory.GetDirectories(Path.Combine(project, "cdk.out"), "asset.*"), dir => File.Exists(Path.Combine(dir, assemblyName + ".dll")));

    private static string NuGetConfig(string feed, string packages, string fallback) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{packages}" />
          </config>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <fallbackPackageFolders>
            <add key="user" value="{fallback}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    /// <summary>
    /// The user's package folder as a read-only fallback, so the packages the repository restored are not fetched again,
    /// but without our own package ids: a copy of the same version left there by an earlier pack or restore would
    /// otherwise be used instead of the one in the feed.
    /// </summary>
    private static string FallbackWithoutOwnPackages(string root)
    {
        var fallback = Directory.CreateDirectory(Path.Combine(root, "fallback-packages")).FullName;
        var user = UserPackagesFolder();
        if (!Directory.Exists(user)) return fallback;
        foreach (var package in Directory.EnumerateDirectories(user))
        {
            var id = Path.GetFileName(package);
            if (PackedFeed.PackageIds.Contains(id, StringComparer.OrdinalIgnoreCase)) continue;
            Directory.CreateSymbolicLink(Path.Combine(fallback, id), package);
        }
        return fallback;
    }

    private static string UserPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
