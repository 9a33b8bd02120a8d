namespace Serverless.WebApp.CdkApp;

/// <summary>Finds the AWS account of the caller's credentials.</summary>
public interface IAccountResolver
{
    /// <summary>The 12-digit account id; throws <see cref="AccountResolutionException"/> when it cannot be found.</summary>
    string ResolveCallerAccount();
}
