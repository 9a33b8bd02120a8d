namespace MyWebApp.Orders;

/// <summary>The answer to <c>POST /orders</c>: the order is queued, its confirmation runs as a task.</summary>
public sealed record OrderAccepted(string OrderId, string Sku, int Quantity);
