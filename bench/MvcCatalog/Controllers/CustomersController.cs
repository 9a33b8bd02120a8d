using Microsoft.AspNetCore.Mvc;
using MvcCatalog.Catalog;

namespace MvcCatalog.Controllers;

[ApiController]
[Route("api/customers")]
public sealed class CustomersController(CatalogStore store) : ControllerBase
{
    [HttpGet]
    public IEnumerable<Customer> List() => store.Customers.Values.OrderBy(c => c.Id);

    [HttpGet("{id:int}")]
    public ActionResult<Customer> Get(int id) => store.Customers.TryGetValue(id, out var customer) ? customer : NotFound();

    [HttpPost]
    public ActionResult<Customer> Create(CustomerInput input)
    {
        var customer = new Customer(store.NextId(), input.Name, input.Email);
        store.Customers[customer.Id] = customer;
        return CreatedAtAction(nameof(Get), new { id = customer.Id }, customer);
    }

    [HttpPut("{id:int}")]
    public ActionResult<Customer> Replace(int id, CustomerInput input)
    {
        if (!store.Customers.ContainsKey(id)) return NotFound();
        return store.Customers[id] = new Customer(id, input.Name, input.Email);
    }

    [HttpDelete("{id:int}")]
    public IActionResult Delete(int id) => store.Customers.TryRemove(id, out _) ? NoContent() : NotFound();

    [HttpGet("{id:int}/orders")]
    public IEnumerable<Order> Orders(int id) => store.Orders.Values.Where(o => o.CustomerId == id).OrderBy(o => o.Id);
}
