namespace Serverless.WebApp.Hosting.Server;

/// <summary>
/// Holds the app's request pipeline once the host has started the server; the HTTP event handlers run requests
/// through it. Singleton.
/// </summary>
internal sealed class LambdaHttpApplication
{
    private IHttpApplicationAdapter? _application;

    public bool IsStarted => _application is not null;

    public IHttpApplicationAdapter Application => _application
        ?? throw new InvalidOperationException("The ASP.NET Core application has not started: HTTP events cannot be served yet.");

    public void Start(IHttpApplicationAdapter application) => _application = application;

    public void Stop() => _application = null;
}
