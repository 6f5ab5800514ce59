using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>The list parameters WooCommerce validates, with its defaults (per_page 10, max 100).</summary>
public sealed record WooListQuery(
    int PerPage, int Page, int Offset, string OrderBy, bool Descending,
    DateTime? ModifiedAfterUtc, DateTime? ModifiedBeforeUtc, DateTime? AfterUtc, DateTime? BeforeUtc,
    IReadOnlySet<string>? Statuses, int? Customer)
{
    public const int MaxPerPage = 100;

    public int Skip => Offset > 0 ? Offset : (Page - 1) * PerPage;

    /// <summary>Parses and validates; <paramref name="orderBy"/> lists the allowed values, the first being the default.</summary>
    public static WooError? TryParse(IQueryCollection q, StoreSettings settings, string[] orderBy, bool defaultDescending, out WooListQuery query)
    {
        query = null!;
        var perPage = 10;
        if (q.TryGetValue("per_page", out var pp) && (!int.TryParse(pp, NumberStyles.Integer, CultureInfo.InvariantCulture, out perPage) || perPage < 1 || perPage > MaxPerPage))
            return WooError.InvalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)");
        var page = 1;
        if (q.TryGetValue("page", out var pg) && (!int.TryParse(pg, NumberStyles.Integer, CultureInfo.InvariantCulture, out page) || page < 1))
            return WooError.InvalidParam("page", "page must be greater than or equal to 1");
        var offset = 0;
        if (q.TryGetValue("offset", out var off) && (!int.TryParse(off, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
            return WooError.InvalidParam("offset", "offset is not of type integer.");
        var sort = orderBy[0];
        if (q.TryGetValue("orderby", out var ob))
        {
            sort = ob.ToString();
            if (!orderBy.Contains(sort)) return WooError.InvalidParam("orderby", $"orderby is not one of {string.Join(", ", orderBy)}.");
        }
        var descending = defaultDescending;
        if (q.TryGetValue("order", out var ord))
        {
            if (ord != "asc" && ord != "desc") return WooError.InvalidParam("order", "order is not one of asc and desc.");
            descending = ord == "desc";
        }
        var gmt = q.TryGetValue("dates_are_gmt", out var g) && (g == "true" || g == "1");
        DateTime? modifiedAfter = null, modifiedBefore = null, after = null, before = null;
        foreach (var (name, set) in new (string, Action<DateTime>)[]
                 {
                     ("modified_after", d => modifiedAfter = d), ("modified_before", d => modifiedBefore = d),
                     ("after", d => after = d), ("before", d => before = d),
                 })
        {
            if (!q.TryGetValue(name, out var raw)) continue;
            if (!TryParseDate(raw.ToString(), gmt, settings, out var utc)) return WooError.InvalidParam(name, "Invalid date.");
            set(utc);
        }
        HashSet<string>? statuses = null;
        if (q.TryGetValue("status", out var st) && st != "any")
            statuses = st.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        int? customer = null;
        if (q.TryGetValue("customer", out var cu))
        {
            if (!int.TryParse(cu, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c)) return WooError.InvalidParam("customer", "customer is not of type integer.");
            customer = c;
        }
        query = new WooListQuery(perPage, page, offset, sort, descending, modifiedAfter, modifiedBefore, after, before, statuses, customer);
        return null;
    }

    /// <summary>ISO 8601; an explicit offset wins, otherwise the value is GMT or store-local per dates_are_gmt.</summary>
    public static bool TryParseDate(string raw, bool datesAreGmt, StoreSettings settings, out DateTime utc)
    {
        utc = default;
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        var hasZone = raw.EndsWith('Z') || raw.Length > 19 && (raw[^6] == '+' || raw[^6] == '-');
        var value = parsed.UtcDateTime;
        if (!hasZone && !datesAreGmt) value -= settings.UtcOffset;
        utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return true;
    }

    public bool InModifiedWindow(DateTime modifiedUtc)
        => (ModifiedAfterUtc is not { } a || modifiedUtc > a) && (ModifiedBeforeUtc is not { } b || modifiedUtc < b);

    public bool InCreatedWindow(DateTime? createdUtc)
        => (AfterUtc is null && BeforeUtc is null)
           || (createdUtc is { } c && (AfterUtc is not { } a || c > a) && (BeforeUtc is not { } b || c < b));

    public bool HasFilters => ModifiedAfterUtc is not null || ModifiedBeforeUtc is not null || AfterUtc is not null
                              || BeforeUtc is not null || Statuses is not null || Customer is not null;
}
