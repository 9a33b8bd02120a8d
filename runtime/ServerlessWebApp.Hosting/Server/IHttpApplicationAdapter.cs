using Microsoft.AspNetCore.Http.Features;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Server;

/// <summary>The app's <c>IHttpApplication&lt;TContext&gt;</c> with <c>TContext</c> hidden, for the event handlers.</summary>
internal interface IHttpApplicationAdapter
{
    /// <summary>A reusable feature collection on which the host can keep its per-request context between requests.</summary>
    LambdaFeatureCollection CreateFeatureCollection(LambdaFeatureSet features);

    object CreateContext(IFeatureCollection features);

    Task ProcessRequestAsync(object context);

    void DisposeContext(object context, Exception? exception);
}
