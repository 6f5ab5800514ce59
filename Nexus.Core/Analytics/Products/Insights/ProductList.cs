using Nexus.Core.Analytics.Products.Cache;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>What the Products table can be ordered by.</summary>
public enum ProductSort { Revenue, Units, Refunds, RefundRate, Next30, Next90, Stock, DaysOfCover, StockOut, Name, Abc, Xyz, Status, Margin, MarginRate }

/// <summary>The Products page's filters; null means "any". <see cref="StockOutWithinDays"/> counts from the analysis day.</summary>
public sealed record ProductFilter(DemandStatus? Status = null, char? Abc = null, char? Xyz = null, int? StockOutWithinDays = null, string? Search = null)
{
    public static readonly ProductFilter None = new();

    /// <summary>"Declining A-products": the products that bring most revenue and are slowing down.</summary>
    public static readonly ProductFilter DecliningA = new(Status: DemandStatus.Declining, Abc: 'A');

    /// <summary>"Stock-out within 14 days".</summary>
    public static readonly ProductFilter StockOutSoon = new(StockOutWithinDays: 14);
}

/// <summary>One row of the list: a product of one store, with the analysis day and currency of that store's analysis.</summary>
public sealed record ProductListItem(int StoreId, string StoreName, string Currency, DateOnly AsOf, ProductInsight Product);

public sealed record ProductListPage(IReadOnlyList<ProductListItem> Items, int Total);

/// <summary>Filters, sorts and pages the cached products of one store or all of a tenant's stores.</summary>
public static class ProductList
{
    /// <summary>Every product of the stores' analyses that are there (ready, or computing with the previous one kept).</summary>
    public static IReadOnlyList<ProductListItem> Rows(IEnumerable<CachedProducts> cached, IReadOnlyDictionary<int, string> storeNames)
    {
        ArgumentNullException.ThrowIfNull(cached);
        ArgumentNullException.ThrowIfNull(storeNames);
        return [.. cached.Where(c => c.Insights is not null).SelectMany(c => c.Insights!.Products.Select(p =>
            new ProductListItem(c.StoreId, storeNames.GetValueOrDefault(c.StoreId, $"Store {c.StoreId}"), c.Insights.Currency, c.Insights.AsOf, p)))];
    }

    public static IEnumerable<ProductListItem> Filter(IEnumerable<ProductListItem> rows, ProductFilter filter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(filter);
        var search = filter.Search?.Trim();
        return rows.Where(r =>
            (filter.Status is null || r.Product.Status == filter.Status)
            && (filter.Abc is null || r.Product.Analysis.Abc == filter.Abc)
            && (filter.Xyz is null || r.Product.Analysis.Xyz == filter.Xyz)
            && (filter.StockOutWithinDays is not { } days || r.Product.Analysis.StockOutDate is { } date && date <= r.AsOf.AddDays(days))
            && (string.IsNullOrEmpty(search) || r.Product.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.Product.ProductId.Equals(search, StringComparison.OrdinalIgnoreCase) || r.Product.VariantId?.Equals(search, StringComparison.OrdinalIgnoreCase) == true));
    }

    /// <summary>
    /// Sorted by <paramref name="sort"/>; rows without the figure (no stock, a cold start) always last, whatever the
    /// direction, so "fewest days of cover" starts with real figures. Ties: store, product, variant.
    /// </summary>
    public static IEnumerable<ProductListItem> Sort(IEnumerable<ProductListItem> rows, ProductSort sort, bool descending)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (sort is ProductSort.Name or ProductSort.Abc or ProductSort.Xyz)
        {
            Func<ProductListItem, string> text = sort switch
            {
                ProductSort.Name => r => r.Product.DisplayName,
                ProductSort.Abc => r => r.Product.Analysis.Abc.ToString(),
                _ => r => r.Product.Analysis.Xyz.ToString(),
            };
            var byText = descending ? rows.OrderByDescending(text, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(text, StringComparer.OrdinalIgnoreCase);
            return ThenByKey(byText);
        }
        Func<ProductListItem, double?> key = sort switch
        {
            ProductSort.Units => r => r.Product.Analysis.UnitsSold,
            ProductSort.Refunds => r => (double)r.Product.Refunded,
            ProductSort.RefundRate => r => r.Product.RefundRate,
            ProductSort.Next30 => r => r.Product.Next30.ExpectedUnits,
            ProductSort.Next90 => r => r.Product.Next90.ExpectedUnits,
            ProductSort.Stock => r => r.Product.Analysis.Stock,
            ProductSort.DaysOfCover => r => r.Product.Analysis.DaysOfCover,
            ProductSort.StockOut => r => r.Product.Analysis.StockOutDate?.DayNumber,
            ProductSort.Status => r => r.Product.Status is { } s ? (double)s : null,
            ProductSort.Margin => r => (double?)r.Product.Margin,
            ProductSort.MarginRate => r => r.Product.MarginRate,
            _ => r => (double)r.Product.Analysis.Revenue,
        };
        var present = rows.OrderBy(r => key(r) is null ? 1 : 0);
        return ThenByKey(descending ? present.ThenByDescending(key) : present.ThenBy(key));
    }

    public static ProductListPage Page(IReadOnlyList<ProductListItem> rows, ProductFilter filter, ProductSort sort, bool descending, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var filtered = Sort(Filter(rows, filter), sort, descending).ToList();
        return new ProductListPage(filtered.Skip(page * pageSize).Take(pageSize).ToList(), filtered.Count);
    }

    private static IOrderedEnumerable<ProductListItem> ThenByKey(IOrderedEnumerable<ProductListItem> rows) =>
        rows.ThenBy(r => r.StoreId).ThenBy(r => r.Product.ProductId, StringComparer.Ordinal).ThenBy(r => r.Product.VariantId, StringComparer.Ordinal);
}
