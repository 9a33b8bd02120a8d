using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>An MVC API controller: attribute routes, model validation, binding sources, CreatedAtAction.</summary>
[ApiController]
[Route("api/orders")]
public sealed class OrdersController : ControllerBase
{
    [HttpGet("{id:int}")]
    public IActionResult Get(int id, [FromQuery] bool details, [FromHeader(Name = "X-Client")] string? client) =>
        id == 0 ? NotFound() : Ok(new { id, details, client, product = "widget" });

    [HttpPost]
    public IActionResult Create(Order order) => CreatedAtAction(nameof(Get), new { id = 42 }, order);

    [HttpPost("form")]
    [Consumes("application/x-www-form-urlencoded")]
    public IActionResult CreateFromForm([FromForm] Order order) => Ok(order);

    [HttpGet("secure")]
    [Authorize(Policy = "admins")]
    public IActionResult Secure() => Ok(new { user = User.Identity!.Name });
}
