using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Server;

internal sealed class HttpApplicationAdapter<TContext>(IHttpApplication<TContext> application) : IHttpApplicationAdapter
    where TContext : notnull
{
    public LambdaFeatureCollection CreateFeatureCollection(LambdaFeatureSet features) => new HostContextFeatureCollection<TContext>(features);

    public object CreateContext(IFeatureCollection features) => application.CreateContext(features);

    public Task ProcessRequestAsync(object context) => application.ProcessRequestAsync((TContext)context);

    public void DisposeContext(object context, Exception? exception) => application.DisposeContext((TContext)context, exception);
}
