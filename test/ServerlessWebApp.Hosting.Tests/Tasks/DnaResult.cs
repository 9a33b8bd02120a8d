namespace ServerlessWebApp.Hosting.Tests.Tasks;

public sealed record DnaResult(int Length);
