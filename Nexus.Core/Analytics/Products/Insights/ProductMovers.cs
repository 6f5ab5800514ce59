namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>A product whose forecast moved away from its recent past: units expected in the next 30 days vs sold in the last 30.</summary>
public sealed record ProductMover(ProductListItem Item, double RecentUnits, double ExpectedUnits)
{
    public double Change => ExpectedUnits - RecentUnits;
}

public sealed record ProductMovers(IReadOnlyList<ProductMover> Up, IReadOnlyList<ProductMover> Down)
{
    public const int Count = 5;

    /// <summary>
    /// The products rising (or declining) by the engine's rule, i.e. beyond what the interval allows, with the largest
    /// expected change in units first. A steady product is never a mover, however large it is.
    /// </summary>
    public static ProductMovers Of(IEnumerable<ProductListItem> rows, int count = Count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var moving = rows.Where(r => r.Product.Next30.ExpectedUnits is not null)
            .Select(r => new ProductMover(r, r.Product.Next30.RecentUnits, r.Product.Next30.ExpectedUnits!.Value)).ToList();
        return new ProductMovers(
            [.. moving.Where(m => m.Item.Product.Status == DemandStatus.Rising).OrderByDescending(m => m.Change).ThenBy(m => m.Item.Product.ProductId, StringComparer.Ordinal).Take(count)],
            [.. moving.Where(m => m.Item.Product.Status == DemandStatus.Declining).OrderBy(m => m.Change).ThenBy(m => m.Item.Product.ProductId, StringComparer.Ordinal).Take(count)]);
    }
}
