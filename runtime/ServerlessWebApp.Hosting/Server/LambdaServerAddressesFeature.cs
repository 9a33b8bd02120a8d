using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Serverless.WebApp.Hosting.Server;

/// <summary>
/// No addresses, and a read-only list so the host does not copy <c>ASPNETCORE_URLS</c> into it and log
/// "Now listening on" for a socket that does not exist inside Lambda.
/// </summary>
internal sealed class LambdaServerAddressesFeature : IServerAddressesFeature
{
    public ICollection<string> Addresses { get; } = Array.Empty<string>();

    public bool PreferHostingUrls { get; set; }
}
