using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Serverless.WebApp.Hosting.Tests.Support;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.Hosting.Tests.Features;

/// <summary>
/// A minimal API's typed body parameter binds behind the bridge as on Kestrel. ASP.NET Core reads a JSON body only when
/// the server says the request can have one, so without that answer every typed body was "not provided" (400).
/// </summary>
public sealed class TypedRequestBodyTests
{
    public static TheoryData<string> HttpSources => new(SampleEvents.HttpSources);

    [Theory]
    [MemberData(nameof(HttpSources))]
    public async Task AJsonBodyBindsToATypedParameter(string source)
    {
        await using var host = await LambdaAppHost.StartAsync(MapOrders);

        var result = await host.InvokeAsync(SampleEvents.For(source, "POST", "/orders", """{"sku":"BOOK-42","quantity":2}"""));

        var response = result.Json;
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("2 x BOOK-42", response.GetProperty("body").GetString());
    }

    [Theory]
    [MemberData(nameof(HttpSources))]
    public async Task ARequestWithoutABodyLeavesAnOptionalBodyUnset(string source)
    {
        await using var host = await LambdaAppHost.StartAsync(MapOrders);

        var result = await host.InvokeAsync(SampleEvents.For(source, "POST", "/orders/optional"));

        var response = result.Json;
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("no order", response.GetProperty("body").GetString());
    }

    private static void MapOrders(WebApplication app)
    {
        app.MapPost("/orders", (Order order) => Results.Text($"{order.Quantity} x {order.Sku}"));
        app.MapPost("/orders/optional", ([FromBody] Order? order) => Results.Text(order is null ? "no order" : "an order"));
    }

    public sealed record Order(string Sku, int Quantity);
}
