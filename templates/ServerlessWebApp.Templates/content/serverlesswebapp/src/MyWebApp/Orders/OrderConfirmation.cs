namespace MyWebApp.Orders;

/// <summary>What the <c>confirm-order</c> task records as its result.</summary>
public sealed record OrderConfirmation(string OrderId, string Sku, int Quantity, DateTimeOffset ConfirmedAt);
