using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Serverless.WebApp.CdkApp;

/// <summary>Resolves the caller's account with STS <c>GetCallerIdentity</c> (needs credentials, no permissions).</summary>
public sealed class StsAccountResolver(string? region) : IAccountResolver
{
    public string ResolveCallerAccount()
    {
        try
        {
            var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region ?? "us-east-1") };
            using var sts = new AmazonSecurityTokenServiceClient(config);
            return sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()).GetAwaiter().GetResult().Account;
        }
        catch (AmazonServiceException e)
        {
            throw new AccountResolutionException($"STS GetCallerIdentity was refused ({e.ErrorCode}): {e.Message}", e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException)
        {
            throw new AccountResolutionException(
                "No AWS credentials are available to find the caller's account (STS GetCallerIdentity: " + e.Message + "). " +
                "Configure credentials (AWS_PROFILE, environment variables or SSO login), bind the stage to an explicit " +
                "12-digit account, or remove the binding to synthesize an environment-agnostic template.", e);
        }
    }
}
