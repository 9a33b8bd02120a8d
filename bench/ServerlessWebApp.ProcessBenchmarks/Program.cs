using Serverless.WebApp.ProcessBenchmarks;
using Serverless.WebApp.TestSupport.RuntimeApi;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var report = Console.Out;
report.WriteLine($"Machine: {MachineInfo.Describe()}");
report.WriteLine();
foreach (var mode in options.Modes)
{
    Console.Error.WriteLine($"publishing {mode} …");
    await SamplePublisher.PublishAsync(mode);
}

switch (options.Command)
{
    case "coldstart": await ColdStartBenchmark.RunAsync(options, report); break;
    case "warm": await WarmInvocationBenchmark.RunAsync(options, report); break;
    case "size": await PackageSizeBenchmark.RunAsync(options, report); break;
    case "memory": await MemoryBenchmark.RunAsync(options, report); break;
    case "tierup": await TierUpBenchmark.RunAsync(options, report); break;
    case "secrets": await SecretsColdStartBenchmark.RunAsync(options, report); break;
    case "all":
        await PackageSizeBenchmark.RunAsync(options, report);
        await ColdStartBenchmark.RunAsync(options, report);
        await WarmInvocationBenchmark.RunAsync(options, report);
        await MemoryBenchmark.RunAsync(options, report);
        break;
    default:
        Console.Error.WriteLine($"Unknown command '{options.Command}'.\n{BenchmarkOptions.Usage}");
        return 2;
}
return 0;
