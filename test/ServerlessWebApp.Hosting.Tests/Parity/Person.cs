namespace Serverless.WebApp.Hosting.Tests.Parity;

public sealed record Person(string Name, int Age, string[]? Tags);
