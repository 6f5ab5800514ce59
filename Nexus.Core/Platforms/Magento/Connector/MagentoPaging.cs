using System.Collections.Concurrent;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>
/// When a Magento listing ends, judged from what arrived: there are no paging headers, only <c>total_count</c>. A page is
/// the last when it is empty or short, when <c>currentPage × pageSize ≥ total_count</c>, or when it repeats the page
/// before it (stores before 2.4 answer any currentPage past the end with the last page again; without this rule a
/// listing whose total_count is missing or wrong would be read forever).
/// </summary>
public static class MagentoPaging
{
    /// <summary>Credit memos of one page of orders: far beyond any real store.</summary>
    public const int MaxChildPages = 100;

    public static int TotalPages(int page, int count, int pageSize, long? totalCount)
    {
        if (count == 0 || count < pageSize) return page;
        if (totalCount is not { } total || total < 0) return page + 1; // a full page without a total: there may be another
        if ((long)page * pageSize >= total) return page;
        return (int)Math.Min(int.MaxValue, (total + pageSize - 1) / pageSize);
    }
}

/// <summary>
/// Remembers each page's ids per listing so a page that repeats the one before it (Magento before 2.4 past the end) is
/// recognised as the end of the listing rather than stored again.
/// </summary>
public sealed class MagentoRepeatedPageGuard
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, (string First, string Last, int Count)>> _listings = new(StringComparer.Ordinal);

    /// <summary>Records page <paramref name="page"/>'s ids; true when they are exactly page <paramref name="page"/> − 1's.</summary>
    public bool IsRepeat(string listing, int page, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return false;
        var pages = _listings.GetOrAdd(listing, _ => new ConcurrentDictionary<int, (string, string, int)>());
        var signature = (ids[0], ids[^1], ids.Count);
        pages[page] = signature;
        return pages.TryGetValue(page - 1, out var previous) && previous == signature;
    }
}
