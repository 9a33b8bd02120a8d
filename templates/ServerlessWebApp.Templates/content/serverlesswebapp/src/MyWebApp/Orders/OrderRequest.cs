namespace MyWebApp.Orders;

/// <summary>The body of <c>POST /orders</c>: <c>{"sku": "BOOK-42", "quantity": 2}</c>.</summary>
public sealed record OrderRequest(string? Sku, int Quantity)
{
    public const int MaxQuantity = 100;

    /// <summary>The errors by field name, empty when the order is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Sku)) errors["sku"] = ["is required, e.g. \"BOOK-42\"."];
        if (Quantity is < 1 or > MaxQuantity) errors["quantity"] = [$"is {Quantity}; allowed: 1 to {MaxQuantity}."];
        return errors;
    }
}
