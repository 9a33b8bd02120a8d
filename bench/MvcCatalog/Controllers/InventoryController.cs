using Microsoft.AspNetCore.Mvc;
using MvcCatalog.Catalog;

namespace MvcCatalog.Controllers;

[ApiController]
[Route("api/inventory")]
public sealed class InventoryController(CatalogStore store) : ControllerBase
{
    [HttpGet]
    public IDictionary<int, int> Levels() => store.Products.Values.ToDictionary(p => p.Id, p => p.Stock);

    [HttpGet("{productId:int}")]
    public ActionResult<int> Level(int productId) => store.Products.TryGetValue(productId, out var p) ? p.Stock : NotFound();

    [HttpPost("{productId:int}/adjust")]
    public ActionResult<Product> Adjust(int productId, StockAdjustment adjustment)
    {
        if (!store.Products.TryGetValue(productId, out var product)) return NotFound();
        if (product.Stock + adjustment.Delta < 0) return ValidationProblem("Stock cannot go below zero.");
        return store.Products[productId] = product with { Stock = product.Stock + adjustment.Delta };
    }

    [HttpGet("low")]
    public IEnumerable<Product> Low([FromQuery] int below = 10) => store.Products.Values.Where(p => p.Stock < below).OrderBy(p => p.Stock);

    [HttpGet("value")]
    public decimal Value() => store.Products.Values.Sum(p => p.Price * p.Stock);
}
