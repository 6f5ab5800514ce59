using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>One monthly first-order cohort.</summary>
/// <param name="Month">First day of the cohort's month (UTC).</param>
/// <param name="Customers">Customers whose first revenue order was in that month.</param>
/// <param name="Retention">Per month since the first order (index 0 = the first month, always 1): share of the cohort with a revenue order in that month. Only months up to the report's last month.</param>
/// <param name="CumulativeRevenuePerCustomer">Per month since the first order: the cohort's revenue up to and including that month, divided by its size.</param>
public sealed record Cohort(DateOnly Month, int Customers, IReadOnlyList<double> Retention, IReadOnlyList<decimal> CumulativeRevenuePerCustomer);

/// <summary>Cohorts, oldest first, for the months <see cref="FirstMonth"/> … <see cref="LastMonth"/>.</summary>
public sealed record CohortReport(AnalyticsScope Scope, DateOnly FirstMonth, DateOnly LastMonth, IReadOnlyList<Cohort> Cohorts);

/// <summary>
/// Monthly first-order cohorts: who started buying when, how many came back in each later month, and what
/// they spent. The database does the work per month: one grouped query finds each customer's first revenue order,
/// then one range query per calendar month returns each active customer's revenue that month
/// (rows = active customer-months, never orders).
/// </summary>
public sealed class CohortQuery(IDbContextFactory<NexusDbContext> factory)
{
    /// <param name="lastMonth">Any day in the last month shown (e.g. the latest order's day).</param>
    /// <param name="months">How many months (cohorts) back from <paramref name="lastMonth"/>, including it.</param>
    public async Task<CohortReport> RunAsync(AnalyticsScope scope, DateOnly lastMonth, int months = 12, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var last = new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        var first = last.AddMonths(-(months - 1));
        var windowStart = Utc(first);
        var windowEnd = Utc(last.AddMonths(1));

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = (await ScopedOrders.OrdersAsync(db, scope, cancellationToken)).Revenue();

        // Customers whose first revenue order ever falls inside the window, with the month index of that order.
        var starters = await orders.PerCustomer(windowStart, windowEnd)
            .Where(c => c.First >= windowStart && c.First < windowEnd)
            .ToListAsync(cancellationToken);
        var cohortOf = starters.ToDictionary(c => c.Key, c => MonthIndex(first, c.First), StringComparer.Ordinal);

        var size = new int[months];
        foreach (var index in cohortOf.Values) size[index]++;
        var active = new int[months, months];       // [cohort, month offset]
        var revenue = new long[months, months];

        for (var m = 0; m < months; m++)
        {
            var (start, end) = (Utc(first.AddMonths(m)), Utc(first.AddMonths(m + 1)));
            var perCustomer = await orders.Where(o => o.CreatedAt >= start && o.CreatedAt < end).PerCustomer(start, end).ToListAsync(cancellationToken);
            foreach (var row in perCustomer)
            {
                if (!cohortOf.TryGetValue(row.Key, out var cohort)) continue;
                active[cohort, m - cohort]++;
                revenue[cohort, m - cohort] += row.WindowRevenueMinor;
            }
        }

        var cohorts = new List<Cohort>(months);
        for (var c = 0; c < months; c++)
        {
            var span = months - c;   // months observed for this cohort, its own month included
            var retention = new double[size[c] == 0 ? 0 : span];
            var cumulative = new decimal[size[c] == 0 ? 0 : span];
            long running = 0;
            for (var k = 0; k < retention.Length; k++)
            {
                running += revenue[c, k];
                retention[k] = (double)active[c, k] / size[c];
                cumulative[k] = MinorUnits.FromMinor(running, scope.Currency) / size[c];
            }
            cohorts.Add(new Cohort(first.AddMonths(c), size[c], retention, cumulative));
        }
        return new CohortReport(scope, first, last, cohorts);
    }

    private static DateTimeOffset Utc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static int MonthIndex(DateOnly first, DateTimeOffset date)
    {
        var utc = date.UtcDateTime;
        return (utc.Year - first.Year) * 12 + utc.Month - first.Month;
    }
}
