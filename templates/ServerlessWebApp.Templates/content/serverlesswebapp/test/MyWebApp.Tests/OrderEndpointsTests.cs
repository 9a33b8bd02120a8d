using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MyWebApp.Orders;
using Serverless.WebApp.Hosting.Tasks;

namespace MyWebApp.Tests;

/// <summary>The app's routes in memory, with the same registration as Program.cs (tasks go to a local queue file).</summary>
public sealed class OrderEndpointsTests : IAsyncLifetime
{
    private readonly string _tasksDatabase = Path.Combine(Path.GetTempPath(), $"mywebapp-tests-{Guid.NewGuid():N}.db");
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddServerlessWebApp();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));
        builder.Services.Configure<ServerlessWebAppTaskOptions>(tasks => tasks.LocalDatabasePath = _tasksDatabase);
        _app = builder.Build();
        _app.MapOrders();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_tasksDatabase) + "*")) File.Delete(file);
    }

    [Fact]
    public async Task AValidOrderIsAcceptedAndQueued()
    {
        var response = await _client.PostAsJsonAsync("/orders", new OrderRequest("BOOK-42", 2), AppJsonContext.Default.OrderRequest);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync(AppJsonContext.Default.OrderAccepted);
        Assert.Equal("BOOK-42", accepted!.Sku);
        Assert.False(string.IsNullOrEmpty(accepted.OrderId));
        Assert.Equal($"/orders/{accepted.OrderId}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnInvalidOrderIsRefusedWithTheFieldsAtFault()
    {
        var response = await _client.PostAsJsonAsync("/orders", new OrderRequest("", 0), AppJsonContext.Default.OrderRequest);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync(AppJsonContext.Default.HttpValidationProblemDetails);
        Assert.Equal(["quantity", "sku"], problem!.Errors.Keys.Order());
    }
}
