using System.Collections.Concurrent;
using System.Globalization;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// Catches a page answered with another page's records (a caching proxy replaying the previous response): with
/// orderby=id&amp;order=asc, pages of one listing cover disjoint, increasing id ranges, so a page whose ids overlap a
/// different page already read is a broken answer. Without this the sync would store page 1 twice and silently
/// miss page 2. Throws <see cref="MalformedPageException"/> so the pipeline retries it like a truncated page.
/// The copy is always served after the original, so the page being read now is the one rejected.
/// </summary>
public sealed class WooPageOrderGuard
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, (long Min, long Max)>> _listings = new(StringComparer.Ordinal);

    /// <param name="listing">One listing: resource plus filter, e.g. "orders?modified_after=…".</param>
    public MappedPage<T> Accept<T>(string listing, int page, MappedPage<T> mapped, Func<T, string> idOf)
    {
        var ids = mapped.Mapped.Select(idOf).Concat(mapped.Quarantined.Select(q => q.PlatformId))
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().ToArray();
        if (ids.Length == 0) return mapped;
        var range = (Min: ids.Min(), Max: ids.Max());
        var pages = _listings.GetOrAdd(listing, _ => new ConcurrentDictionary<int, (long, long)>());
        foreach (var (other, known) in pages)
            if (other != page && range.Min <= known.Max && known.Min <= range.Max)
                throw new MalformedPageException($"Page {page} repeats records of page {other} (ids {range.Min}–{range.Max}); a cache or proxy served a stale page.", 0);
        pages[page] = range;
        return mapped;
    }
}
