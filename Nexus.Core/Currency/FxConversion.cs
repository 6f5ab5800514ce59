using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Currency;

/// <summary>Money of one currency on one UTC day, pre-aggregated in SQL from orders (minor units).</summary>
public class DayAmounts
{
    public string Currency { get; init; } = "";
    /// <summary><see cref="DateOnly.DayNumber"/> of the orders' UTC day (<see cref="FxSql.DayOf"/>).</summary>
    public int Day { get; init; }
    public long Revenue { get; init; }
    public int Orders { get; init; }
    public long Gross { get; init; }
    public long Refunded { get; init; }
}

/// <summary>Converted sums in the target currency's minor units, and how many orders the conversion could not do well.</summary>
/// <param name="StaleOrders">Orders converted with a rate more than <see cref="FxConversion.StaleAfterDays"/> days older than the order (a currency the ECB stopped quoting, or a file that needs updating).</param>
/// <param name="UnconvertedOrders">Orders left out because no rate exists on or before their day (a currency the ECB never quoted, or before 1999).</param>
public sealed record ConvertedTotals(long RevenueMinor, int Orders, long GrossMinor, long RefundedMinor, int StaleOrders, int UnconvertedOrders, IReadOnlyList<string> UnconvertedCurrencies);

/// <summary>
/// Currency conversion in the database. Orders are first summed per (currency, UTC day); each of those rows is joined
/// to the rate table with the latest-earlier-day rule (weekends and holidays take the ECB's previous business day,
/// a currency no longer quoted its last quote): "latest <c>fx_rates.Day</c> ≤ order day" is one seek on the
/// (Currency, Day) key. Cross rates go through EUR: amount_X × rate_Y / rate_X, scaled between the two currencies'
/// minor units. A merchant's override covering the day wins over the ECB's rate and is never stale.
/// Only a handful of rows leave the database, however many orders there are.
/// </summary>
public static class FxConversion
{
    /// <summary>A rate older than this many days before the order's day is flagged (the ECB's longest gap, Easter, is 4).</summary>
    public const int StaleAfterDays = 7;

    public static async Task<ConvertedTotals> SumAsync(NexusDbContext db, IQueryable<DayAmounts> days, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await Convert(db, days, target)
            .GroupBy(x => 1)
            .Select(g => new
            {
                Revenue = g.Sum(x => x.Factor == null ? 0.0 : x.Revenue * x.Factor.Value),
                Orders = g.Sum(x => x.Factor == null ? 0 : x.Orders),
                Gross = g.Sum(x => x.Factor == null ? 0.0 : x.Gross * x.Factor.Value),
                Refunded = g.Sum(x => x.Factor == null ? 0.0 : x.Refunded * x.Factor.Value),
                Stale = g.Sum(x => x.Factor != null && x.Stale ? x.Orders : 0),
                Unconverted = g.Sum(x => x.Factor == null ? x.Orders : 0),
            })
            .ToListAsync(cancellationToken);
        var row = rows.FirstOrDefault();
        if (row is null) return new ConvertedTotals(0, 0, 0, 0, 0, 0, []);
        var missing = row.Unconverted == 0 ? [] : await Convert(db, days, target).Where(x => x.Factor == null).Select(x => x.Currency).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        // Rounded once, at the end: every day's share stays exact until the total is in the target's minor units.
        return new ConvertedTotals((long)Math.Round(row.Revenue, MidpointRounding.AwayFromZero), row.Orders,
            (long)Math.Round(row.Gross, MidpointRounding.AwayFromZero), (long)Math.Round(row.Refunded, MidpointRounding.AwayFromZero),
            row.Stale, row.Unconverted, missing);
    }

    /// <summary>Each day's amounts with the factor from its currency's minor units to the target's (null: no rate) and whether a rate used is stale.</summary>
    public static IQueryable<ConvertedDay> Convert(NexusDbContext db, IQueryable<DayAmounts> days, string target)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rates = db.FxRates.AsNoTracking();
        var overrides = db.FxRateOverrides.AsNoTracking(); // the tenant's own, through the query filter
        var zero = MinorUnits.ZeroDecimalCurrencies.ToArray();
        var three = MinorUnits.ThreeDecimalCurrencies.ToArray();
        var targetScale = (double)MinorUnits.MinorPerMajor(target);
        var targetIsEur = target == "EUR";
        var stale = StaleAfterDays;
        return days
            .Select(d => new
            {
                d.Currency, d.Day, d.Revenue, d.Orders, d.Gross, d.Refunded,
                SourceScale = zero.Contains(d.Currency) ? 1.0 : three.Contains(d.Currency) ? 1000.0 : 100.0,
                SourceOverride = overrides.Where(o => o.Currency == d.Currency && o.FromDay <= d.Day && o.ToDay >= d.Day)
                    .OrderByDescending(o => o.Id).Select(o => (double?)o.PerEur).FirstOrDefault(),
                SourceDay = d.Currency == "EUR" ? d.Day : rates.Where(r => r.Currency == d.Currency && r.Day <= d.Day).Max(r => (int?)r.Day),
                SourceRate = d.Currency == "EUR" ? 1.0 : rates.Where(r => r.Currency == d.Currency && r.Day <= d.Day)
                    .OrderByDescending(r => r.Day).Select(r => (double?)r.PerEur).FirstOrDefault(),
                TargetOverride = overrides.Where(o => o.Currency == target && o.FromDay <= d.Day && o.ToDay >= d.Day)
                    .OrderByDescending(o => o.Id).Select(o => (double?)o.PerEur).FirstOrDefault(),
                TargetDay = targetIsEur ? d.Day : rates.Where(r => r.Currency == target && r.Day <= d.Day).Max(r => (int?)r.Day),
                TargetRate = targetIsEur ? 1.0 : rates.Where(r => r.Currency == target && r.Day <= d.Day)
                    .OrderByDescending(r => r.Day).Select(r => (double?)r.PerEur).FirstOrDefault(),
            })
            .Select(x => new ConvertedDay
            {
                Currency = x.Currency, Day = x.Day,
                Revenue = x.Revenue, Orders = x.Orders, Gross = x.Gross, Refunded = x.Refunded,
                // The same currency is never converted: no rate needed, exactly 1.
                Factor = x.Currency == target ? 1.0
                    : (x.TargetOverride ?? x.TargetRate) * targetScale / ((x.SourceOverride ?? x.SourceRate) * x.SourceScale),
                Stale = x.Currency != target
                        && ((x.SourceOverride == null && x.SourceDay < x.Day - stale) || (x.TargetOverride == null && x.TargetDay < x.Day - stale)),
            });
    }
}

/// <summary>One day's amounts as <see cref="FxConversion.Convert"/> returns them.</summary>
public sealed class ConvertedDay : DayAmounts
{
    /// <summary>Source minor units → target minor units; null when a rate is missing.</summary>
    public double? Factor { get; init; }
    public bool Stale { get; init; }
}
