namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed record DnaJob(string Sequence, int Repeat);
