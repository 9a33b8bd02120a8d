namespace Serverless.WebApp.Hosting.Tests.Buffers;

/// <summary>Tests that measure the process's managed heap run alone, after every parallel test has finished.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;
