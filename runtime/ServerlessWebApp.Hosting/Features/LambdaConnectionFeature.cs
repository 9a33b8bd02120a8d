using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>The client as the event source saw it (<c>sourceIp</c> or the load balancer's X-Forwarded-For).</summary>
internal sealed class LambdaConnectionFeature : IHttpConnectionFeature
{
    public string ConnectionId { get; set; } = string.Empty;

    public IPAddress? RemoteIpAddress { get; set; }

    public IPAddress? LocalIpAddress { get; set; }

    public int RemotePort { get; set; }

    public int LocalPort { get; set; }

    public void Reset(string connectionId)
    {
        ConnectionId = connectionId;
        RemoteIpAddress = null;
        LocalIpAddress = null;
        RemotePort = 0;
        LocalPort = 0;
    }
}
