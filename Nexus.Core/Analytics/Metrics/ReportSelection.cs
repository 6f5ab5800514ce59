using System.Globalization;
using System.Text;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>The date ranges a report offers: rolling presets, calendar presets, or two chosen days.</summary>
public enum ReportRange
{
    Last7Days,
    Last30Days,
    Last90Days,
    Last365Days,
    ThisMonth,
    LastMonth,
    YearToDate,
    Custom,
}

/// <summary>Which customers' orders a report counts, relative to the period's first day.</summary>
public enum CustomerFilter
{
    All,
    /// <summary>Customers whose first revenue order ever is on or after the period's first day.</summary>
    New,
    /// <summary>Customers who had a revenue order before the period's first day.</summary>
    Returning,
}

/// <summary>
/// What a merchant chose on an analytics page: the date range, the comparison and the filters. It lives in the
/// page's URL (<see cref="ToQuery"/> / <see cref="Parse"/>) so a view can be bookmarked and shared; a URL that was
/// edited by hand or comes from an older version never breaks the page: every unknown or malformed value falls back
/// to its default. Parameters and presets are listed in docs/analytics.md ("Date range, comparison and filters").
/// </summary>
/// <param name="From">First day of a <see cref="ReportRange.Custom"/> range (ignored for presets).</param>
/// <param name="To">Last day (included) of a custom range.</param>
/// <param name="Store">One store's id, or null for all stores.</param>
/// <param name="Platform">A platform id (e.g. the one in <c>ConnectedStore.Platform</c>), or null for all.</param>
/// <param name="Country">An ISO 3166 alpha-2 code, upper-case, or null for all countries.</param>
public sealed record ReportSelection(
    ReportRange Range = ReportRange.Last30Days, DateOnly? From = null, DateOnly? To = null, Comparison Compare = Comparison.Previous,
    int? Store = null, string? Platform = null, string? Country = null, CustomerFilter Customers = CustomerFilter.All)
{
    /// <summary>The default view: the last 30 days against the 30 before, every store and customer.</summary>
    public static ReportSelection Default { get; } = new();

    private static readonly (ReportRange Range, string Token, string Label)[] Ranges =
    [
        (ReportRange.Last7Days, "7d", "Last 7 days"),
        (ReportRange.Last30Days, "30d", "Last 30 days"),
        (ReportRange.Last90Days, "90d", "Last 90 days"),
        (ReportRange.Last365Days, "365d", "Last 365 days"),
        (ReportRange.ThisMonth, "this-month", "This month"),
        (ReportRange.LastMonth, "last-month", "Last month"),
        (ReportRange.YearToDate, "ytd", "Year to date"),
        (ReportRange.Custom, "custom", "Custom range"),
    ];

    private static readonly (Comparison Compare, string Token, string Label)[] Comparisons =
    [
        (Comparison.None, "none", "No comparison"),
        (Comparison.Previous, "previous", "Previous period"),
        (Comparison.YearBefore, "year", "Same period last year"),
    ];

    private static readonly (CustomerFilter Filter, string Token, string Label)[] CustomerFilters =
    [
        (CustomerFilter.All, "all", "All customers"),
        (CustomerFilter.New, "new", "New customers"),
        (CustomerFilter.Returning, "returning", "Returning customers"),
    ];

    /// <summary>Every range with what a merchant reads for it, in menu order.</summary>
    public static IReadOnlyList<(ReportRange Range, string Label)> RangeChoices { get; } = Ranges.Select(r => (r.Range, r.Label)).ToList();

    public static IReadOnlyList<(Comparison Compare, string Label)> ComparisonChoices { get; } = Comparisons.Select(c => (c.Compare, c.Label)).ToList();

    public static IReadOnlyList<(CustomerFilter Filter, string Label)> CustomerChoices { get; } = CustomerFilters.Select(c => (c.Filter, c.Label)).ToList();

    public static string Label(ReportRange range) => Ranges.First(r => r.Range == range).Label;

    public static string Label(Comparison compare) => Comparisons.First(c => c.Compare == compare).Label;

    /// <summary>
    /// The selection a URL query string carries (with or without the leading '?'). Never throws: a missing, unknown or
    /// malformed value gives that value's default from <paramref name="defaults"/> (<see cref="Default"/> when null); a custom
    /// range without two valid days falls back to the default range, and one given backwards is turned around.
    /// </summary>
    public static ReportSelection Parse(string? query, ReportSelection? defaults = null)
    {
        var fallback = defaults ?? Default;
        var values = QueryValues(query);
        var from = Day(values.GetValueOrDefault("from"));
        var to = Day(values.GetValueOrDefault("to"));
        var range = Token(Ranges, values.GetValueOrDefault("range"), r => r.Token)?.Range
                    ?? (values.ContainsKey("range") || from is null || to is null ? fallback.Range : ReportRange.Custom);
        if (range == ReportRange.Custom && (from is null || to is null))
            (range, from, to) = fallback.Range == ReportRange.Custom ? (fallback.Range, fallback.From, fallback.To) : (fallback.Range, null, null);
        if (range != ReportRange.Custom) (from, to) = (null, null);
        else if (to < from) (from, to) = (to, from);
        return new ReportSelection(
            range, from, to,
            Token(Comparisons, values.GetValueOrDefault("compare"), c => c.Token)?.Compare ?? fallback.Compare,
            int.TryParse(values.GetValueOrDefault("store"), NumberStyles.None, CultureInfo.InvariantCulture, out var store) ? (store > 0 ? store : null) : fallback.Store,
            PlatformId(values.GetValueOrDefault("platform")) ?? fallback.Platform,
            CountryCode(values.GetValueOrDefault("country")) ?? fallback.Country,
            Token(CustomerFilters, values.GetValueOrDefault("customers"), c => c.Token)?.Filter ?? fallback.Customers);
    }

    /// <summary>
    /// The query string (without '?') that <see cref="Parse"/> reads back into this selection: range and comparison always,
    /// the days for a custom range, and each filter that is set.
    /// </summary>
    public string ToQuery()
    {
        var query = new StringBuilder("range=").Append(Ranges.First(r => r.Range == Range).Token);
        if (Range == ReportRange.Custom && From is { } from && To is { } to)
            query.Append("&from=").Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("&to=").Append(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        query.Append("&compare=").Append(Comparisons.First(c => c.Compare == Compare).Token);
        if (Store is { } storeId) query.Append("&store=").Append(storeId.ToString(CultureInfo.InvariantCulture));
        if (Platform is { } platform) query.Append("&platform=").Append(Uri.EscapeDataString(platform));
        if (Country is { } country) query.Append("&country=").Append(country);
        if (Customers != CustomerFilter.All) query.Append("&customers=").Append(CustomerFilters.First(c => c.Filter == Customers).Token);
        return query.ToString();
    }

    /// <summary>
    /// The UTC days the selection covers. "Today" is the merchant's day on <paramref name="clock"/> (UTC: tenants have no
    /// time zone yet). The rolling presets (last 7/30/90/365 days) end on <paramref name="latestOrderDay"/> when that is
    /// earlier, so a store synced last month still shows its last 30 days instead of an empty chart; the calendar presets
    /// (this month, last month, year to date) are calendar periods of today.
    /// </summary>
    public ReportingPeriod Period(TimeProvider clock, DateOnly? latestOrderDay = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rollingEnd = latestOrderDay is { } latest && latest < today ? latest : today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return Range switch
        {
            ReportRange.Last7Days => ReportingPeriod.EndingOn(rollingEnd, 7),
            ReportRange.Last90Days => ReportingPeriod.EndingOn(rollingEnd, 90),
            ReportRange.Last365Days => ReportingPeriod.EndingOn(rollingEnd, 365),
            ReportRange.ThisMonth => ReportingPeriod.Between(monthStart, today),
            ReportRange.LastMonth => ReportingPeriod.Between(monthStart.AddMonths(-1), monthStart.AddDays(-1)),
            ReportRange.YearToDate => ReportingPeriod.Between(new DateOnly(today.Year, 1, 1), today),
            ReportRange.Custom when From is { } from && To is { } to => ReportingPeriod.Between(from, to),
            _ => ReportingPeriod.EndingOn(rollingEnd, 30),
        };
    }

    /// <summary>The period <see cref="Period"/> is compared with, or null when there is no comparison.</summary>
    public ReportingPeriod? ComparisonPeriod(TimeProvider clock, DateOnly? latestOrderDay = null) => Period(clock, latestOrderDay).ComparedWith(Compare);

    /// <summary>Normalises a country code for comparison: trimmed and upper-case, or null when it is not two letters.</summary>
    public static string? CountryCode(string? value)
    {
        var code = value?.Trim();
        return code is { Length: 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) ? code.ToUpperInvariant() : null;
    }

    /// <summary>A platform id as the registry spells them (lower-case letters, digits, '-'), or null.</summary>
    private static string? PlatformId(string? value)
    {
        var id = value?.Trim().ToLowerInvariant();
        return id is { Length: > 0 and <= 40 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? id : null;
    }

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1970 and <= 2200 ? day : null;

    private static T? Token<T>(IEnumerable<T> table, string? value, Func<T, string> token) where T : struct
    {
        foreach (var row in table)
            if (string.Equals(token(row), value?.Trim(), StringComparison.OrdinalIgnoreCase)) return row;
        return null;
    }

    /// <summary>Name → first value of a query string; names are case-insensitive, the first occurrence of a name wins.</summary>
    private static Dictionary<string, string> QueryValues(string? query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(query)) return values;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var (name, value) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
            // UnescapeDataString leaves a malformed escape ("%zz") as it is rather than throwing; the value then fails its own check.
            values.TryAdd(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
        return values;
    }
}
