using System.Collections.Concurrent;

namespace MvcCatalog.Catalog;

/// <summary>In-memory products, customers and orders, seeded so every GET has something to return.</summary>
public sealed class CatalogStore
{
    public ConcurrentDictionary<int, Product> Products { get; } = new(
        Enumerable.Range(1, 20).Select(i => KeyValuePair.Create(i, new Product(i, $"Product {i}", "tools", 9.5m + i, i * 3))));

    public ConcurrentDictionary<int, Customer> Customers { get; } = new(
        Enumerable.Range(1, 10).Select(i => KeyValuePair.Create(i, new Customer(i, $"Customer {i}", $"c{i}@example.com"))));

    public ConcurrentDictionary<int, Order> Orders { get; } = new(
        Enumerable.Range(1, 10).Select(i => KeyValuePair.Create(i, new Order(i, i, [new OrderLine(i, 2)], "open"))));

    private int _nextId = 1000;

    public int NextId() => Interlocked.Increment(ref _nextId);
}
