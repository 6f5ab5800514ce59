namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// How many pages a WooCommerce listing has, judged from what arrived rather than trusted from headers: a hostile
/// or broken store can claim <c>X-WP-TotalPages: 1000000</c> and answer empty pages. An empty page ends the listing;
/// the page count is cross-checked against <c>X-WP-Total</c>; child collections (variations, refunds) have a ceiling.
/// </summary>
public static class WooPaging
{
    /// <summary>Variations of one product or refunds of one order: 100 pages of 100 is far beyond any real store.</summary>
    public const int MaxChildPages = 100;

    public static int TotalPages(int page, int count, int pageSize, int? headerPages, long? headerTotal)
    {
        if (count == 0) return page; // nothing came back: there is nothing after this page either
        // Without X-WP-TotalPages (a proxy dropped it), a full page means there may be another.
        var pages = headerPages is { } claimed && claimed > 0 ? claimed : count >= pageSize ? page + 1 : page;
        if (headerTotal is { } total and >= 0)
        {
            var byTotal = (int)Math.Min(int.MaxValue, Math.Max(page, (total + pageSize - 1) / pageSize));
            pages = Math.Min(pages, byTotal);
        }
        return Math.Max(page, pages);
    }
}
