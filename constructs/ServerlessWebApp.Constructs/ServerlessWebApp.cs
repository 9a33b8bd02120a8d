using Constructs;

namespace ServerlessWebApp.Constructs;

/// <summary>Placeholder replaced by the construct implementation.</summary>
public class ServerlessWebApp : Construct
{
    public ServerlessWebApp(Construct scope, string id) : base(scope, id) { }
}
