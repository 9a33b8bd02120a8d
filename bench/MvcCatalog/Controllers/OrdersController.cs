using Microsoft.AspNetCore.Mvc;
using MvcCatalog.Catalog;

namespace MvcCatalog.Controllers;

[ApiController]
[Route("api/orders")]
public sealed class OrdersController(CatalogStore store) : ControllerBase
{
    [HttpGet]
    public IEnumerable<Order> List([FromQuery] string? status) =>
        store.Orders.Values.Where(o => status is null || o.Status == status).OrderBy(o => o.Id);

    [HttpGet("{id:int}")]
    public ActionResult<Order> Get(int id) => store.Orders.TryGetValue(id, out var order) ? order : NotFound();

    [HttpPost]
    public ActionResult<Order> Create(OrderInput input)
    {
        if (!store.Customers.ContainsKey(input.CustomerId)) return ValidationProblem($"Customer {input.CustomerId} does not exist.");
        var order = new Order(store.NextId(), input.CustomerId, input.Lines.Select(l => new OrderLine(l.ProductId, l.Quantity)).ToList(), "open");
        store.Orders[order.Id] = order;
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    [HttpPost("{id:int}/cancel")]
    public ActionResult<Order> Cancel(int id) => ChangeStatus(id, "cancelled");

    [HttpPost("{id:int}/ship")]
    public ActionResult<Order> Ship(int id) => ChangeStatus(id, "shipped");

    [HttpGet("{id:int}/total")]
    public ActionResult<decimal> Total(int id) =>
        store.Orders.TryGetValue(id, out var order)
            ? order.Lines.Sum(l => store.Products.TryGetValue(l.ProductId, out var p) ? p.Price * l.Quantity : 0m)
            : NotFound();

    private ActionResult<Order> ChangeStatus(int id, string status)
    {
        if (!store.Orders.TryGetValue(id, out var order)) return NotFound();
        return store.Orders[id] = order with { Status = status };
    }
}
