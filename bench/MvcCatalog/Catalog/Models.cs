using System.ComponentModel.DataAnnotations;

namespace MvcCatalog.Catalog;

public sealed record Product(int Id, string Name, string Category, decimal Price, int Stock);

public sealed record Customer(int Id, string Name, string Email);

public sealed record OrderLine(int ProductId, int Quantity);

public sealed record Order(int Id, int CustomerId, IReadOnlyList<OrderLine> Lines, string Status);

public sealed class ProductInput
{
    [Required, StringLength(100, MinimumLength = 2)]
    public string Name { get; set; } = "";

    [Required, RegularExpression("^[a-z-]+$")]
    public string Category { get; set; } = "";

    [Range(0.01, 100_000)]
    public decimal Price { get; set; }

    [Range(0, 1_000_000)]
    public int Stock { get; set; }
}

public sealed class CustomerInput
{
    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [Required, EmailAddress]
    public string Email { get; set; } = "";
}

public sealed class OrderInput
{
    [Range(1, int.MaxValue)]
    public int CustomerId { get; set; }

    [Required, MinLength(1)]
    public List<OrderLineInput> Lines { get; set; } = [];
}

public sealed class OrderLineInput
{
    [Range(1, int.MaxValue)]
    public int ProductId { get; set; }

    [Range(1, 1000)]
    public int Quantity { get; set; }
}

public sealed class StockAdjustment
{
    [Range(-1_000_000, 1_000_000)]
    public int Delta { get; set; }

    [StringLength(200)]
    public string? Reason { get; set; }
}

public sealed class SearchQuery
{
    [StringLength(100)]
    public string? Text { get; set; }

    [Range(0, 100_000)]
    public decimal? MaxPrice { get; set; }

    [Range(1, 100)]
    public int Take { get; set; } = 10;
}
