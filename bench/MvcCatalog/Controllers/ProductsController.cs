using Microsoft.AspNetCore.Mvc;
using MvcCatalog.Catalog;

namespace MvcCatalog.Controllers;

[ApiController]
[Route("api/products")]
public sealed class ProductsController(CatalogStore store) : ControllerBase
{
    [HttpGet]
    public IEnumerable<Product> List([FromQuery] string? category) =>
        store.Products.Values.Where(p => category is null || p.Category == category).OrderBy(p => p.Id);

    [HttpGet("{id:int}")]
    public ActionResult<Product> Get(int id) => store.Products.TryGetValue(id, out var product) ? product : NotFound();

    [HttpPost]
    public ActionResult<Product> Create(ProductInput input)
    {
        var product = new Product(store.NextId(), input.Name, input.Category, input.Price, input.Stock);
        store.Products[product.Id] = product;
        return CreatedAtAction(nameof(Get), new { id = product.Id }, product);
    }

    [HttpPut("{id:int}")]
    public ActionResult<Product> Replace(int id, ProductInput input)
    {
        if (!store.Products.ContainsKey(id)) return NotFound();
        return store.Products[id] = new Product(id, input.Name, input.Category, input.Price, input.Stock);
    }

    [HttpDelete("{id:int}")]
    public IActionResult Delete(int id) => store.Products.TryRemove(id, out _) ? NoContent() : NotFound();

    [HttpGet("search")]
    public IEnumerable<Product> Search([FromQuery] SearchQuery query) =>
        store.Products.Values
            .Where(p => query.Text is null || p.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase))
            .Where(p => query.MaxPrice is null || p.Price <= query.MaxPrice)
            .OrderBy(p => p.Price).Take(query.Take);
}
