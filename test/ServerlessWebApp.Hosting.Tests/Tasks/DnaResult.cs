namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed record DnaResult(int Length);
