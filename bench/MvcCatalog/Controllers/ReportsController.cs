using Microsoft.AspNetCore.Mvc;
using MvcCatalog.Catalog;

namespace MvcCatalog.Controllers;

[ApiController]
[Route("api/reports")]
public sealed class ReportsController(CatalogStore store) : ControllerBase
{
    [HttpGet("categories")]
    public IDictionary<string, int> Categories() => store.Products.Values.GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Count());

    [HttpGet("orders-by-status")]
    public IDictionary<string, int> OrdersByStatus() => store.Orders.Values.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());

    [HttpGet("top-customers")]
    public IEnumerable<object> TopCustomers([FromQuery] int take = 5) =>
        store.Orders.Values.GroupBy(o => o.CustomerId)
            .Select(g => new { customerId = g.Key, orders = g.Count() })
            .OrderByDescending(x => x.orders).Take(take);

    [HttpGet("price-range")]
    public object PriceRange() => new { min = store.Products.Values.Min(p => p.Price), max = store.Products.Values.Max(p => p.Price) };
}
