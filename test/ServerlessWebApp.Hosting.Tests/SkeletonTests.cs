namespace ServerlessWebApp.Hosting.Tests;

public class SkeletonTests
{
    [Fact]
    public void ProjectBuilds() => Assert.Equal(2, 1 + 1);
}
