using System.ComponentModel.DataAnnotations;

namespace Serverless.WebApp.Hosting.Tests.Parity;

public sealed class Order
{
    [Required]
    [StringLength(20)]
    public string? Product { get; set; }

    [Range(1, 100)]
    public int Quantity { get; set; }

    [EmailAddress]
    public string? Email { get; set; }
}
