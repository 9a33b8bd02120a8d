using Microsoft.AspNetCore.Http.Features;

namespace ServerlessWebApp.Hosting.Server;

/// <summary>The app's <c>IHttpApplication&lt;TContext&gt;</c> with <c>TContext</c> hidden, for the event handlers.</summary>
internal interface IHttpApplicationAdapter
{
    object CreateContext(IFeatureCollection features);

    Task ProcessRequestAsync(object context);

    void DisposeContext(object context, Exception? exception);
}
