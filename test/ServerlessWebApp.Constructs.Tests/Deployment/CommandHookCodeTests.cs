using System.Diagnostics;
using System.Text.Json;
using Serverless.WebApp.Constructs.Deployment;

namespace Serverless.WebApp.Constructs.Tests.Deployment;

/// <summary>
/// The command hook's Python code, run with python3 against stand-ins for boto3's Lambda and CodeDeploy clients: it
/// invokes the target version once with the command, passes only on exit code 0 without a function error, and always
/// reports a verdict to CodeDeploy.
/// </summary>
public sealed class CommandHookCodeTests : IDisposable
{
    private const string Target = "arn:aws:lambda:eu-west-1:123456789012:function:web:7";
    private const string Command = """{"command":"migrate","args":["--no-input"]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("swa-hook-").FullName;

    public CommandHookCodeTests()
    {
        File.WriteAllText(Path.Combine(_folder, "index.py"), CommandHookCode.Source);
        Directory.CreateDirectory(Path.Combine(_folder, "boto3"));
        Directory.CreateDirectory(Path.Combine(_folder, "botocore"));
        File.WriteAllText(Path.Combine(_folder, "botocore", "__init__.py"), "");
        File.WriteAllText(Path.Combine(_folder, "botocore", "config.py"), """
            class Config:
                def __init__(self, **settings):
                    self.settings = settings
            """);
        // Records every call in calls.json; the Lambda answer comes from STUB_* variables.
        File.WriteAllText(Path.Combine(_folder, "boto3", "__init__.py"), """
            import io, json, os

            CALLS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "calls.json")

            def _record(call):
                calls = json.load(open(CALLS)) if os.path.exists(CALLS) else []
                calls.append(call)
                json.dump(calls, open(CALLS, "w"))

            class _Lambda:
                def __init__(self, config):
                    _record({"client": "lambda", "config": config.settings if config else None})
                def invoke(self, FunctionName, Payload):
                    _record({"call": "invoke", "function": FunctionName, "payload": Payload.decode("utf-8")})
                    if os.environ.get("STUB_RAISE"):
                        raise RuntimeError(os.environ["STUB_RAISE"])
                    answer = {"StatusCode": 200, "Payload": io.BytesIO(os.environ["STUB_ANSWER"].encode("utf-8"))}
                    if os.environ.get("STUB_FUNCTION_ERROR"):
                        answer["FunctionError"] = os.environ["STUB_FUNCTION_ERROR"]
                    return answer

            class _CodeDeploy:
                def put_lifecycle_event_hook_execution_status(self, **arguments):
                    _record({"call": "status", **arguments})

            def client(name, config=None):
                return _Lambda(config) if name == "lambda" else _CodeDeploy()
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private List<JsonElement> RunHook(string answer, string? functionError = null, string? raise = null)
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import index; index.handler({'DeploymentId': 'd-ABC', 'LifecycleEventHookExecutionId': 'hook-1'}, None)");
        start.Environment["PYTHONPATH"] = _folder;
        start.Environment[CommandHookCode.TargetVariable] = Target;
        start.Environment[CommandHookCode.EventVariable] = Command;
        start.Environment[CommandHookCode.TimeoutVariable] = "35";
        start.Environment["STUB_ANSWER"] = answer;
        if (functionError is not null) start.Environment["STUB_FUNCTION_ERROR"] = functionError;
        if (raise is not null) start.Environment["STUB_RAISE"] = raise;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start; the hook test needs python3 on PATH.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the hook did not finish");
        Assert.True(process.ExitCode == 0, $"the hook failed: {stderr.Result}{stdout.Result}");
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "calls.json"))).RootElement.EnumerateArray().ToList();
    }

    private static string StatusOf(List<JsonElement> calls) =>
        calls.Single(c => c.TryGetProperty("call", out var call) && call.GetString() == "status").GetProperty("status").GetString()!;

    [Fact]
    public void ACommandThatExitsWithZeroPassesAndIsInvokedOnceOnTheTargetVersion()
    {
        var calls = RunHook("""{"command":"migrate","exitCode":0,"output":"applied 3 migrations"}""");

        Assert.Equal("Succeeded", StatusOf(calls));
        var invoke = Assert.Single(calls, c => c.TryGetProperty("call", out var call) && call.GetString() == "invoke");
        Assert.Equal(Target, invoke.GetProperty("function").GetString());
        Assert.Equal(Command, invoke.GetProperty("payload").GetString());
        var status = calls.Single(c => c.TryGetProperty("call", out var call) && call.GetString() == "status");
        Assert.Equal("d-ABC", status.GetProperty("deploymentId").GetString());
        Assert.Equal("hook-1", status.GetProperty("lifecycleEventHookExecutionId").GetString());
        // No retry (a command such as a migration must not run twice) and a read time-out beyond the function's own.
        var config = calls.Single(c => c.TryGetProperty("client", out var client) && client.GetString() == "lambda").GetProperty("config");
        Assert.Equal(1, config.GetProperty("retries").GetProperty("total_max_attempts").GetInt32());
        Assert.Equal(35, config.GetProperty("read_timeout").GetInt32());
    }

    [Fact]
    public void ACommandThatExitsWithAnotherCodeFails() =>
        Assert.Equal("Failed", StatusOf(RunHook("""{"command":"migrate","exitCode":1,"output":"","error":"relation exists"}""")));

    [Fact]
    public void AFunctionErrorFails() =>
        Assert.Equal("Failed", StatusOf(RunHook("""{"errorType":"UnknownCommand","errorMessage":"no command 'migrate'"}""", functionError: "Unhandled")));

    [Fact]
    public void AnInvocationThatCannotBeMadeStillReportsAFailure() =>
        Assert.Equal("Failed", StatusOf(RunHook("", raise: "AccessDeniedException")));
}
