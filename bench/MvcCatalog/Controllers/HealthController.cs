using Microsoft.AspNetCore.Mvc;

namespace MvcCatalog.Controllers;

[ApiController]
[Route("api")]
public sealed class HealthController(IWebHostEnvironment environment) : ControllerBase
{
    [HttpGet("health")]
    public object Health() => new { status = "ok", environment = environment.EnvironmentName };

    [HttpGet("version")]
    public object Version() => new { version = typeof(HealthController).Assembly.GetName().Version?.ToString() };

    [HttpGet("time")]
    public object Time() => new { utc = DateTimeOffset.UtcNow };

    [HttpPost("echo")]
    public ActionResult<Dictionary<string, string>> Echo(Dictionary<string, string> body) => body;
}
