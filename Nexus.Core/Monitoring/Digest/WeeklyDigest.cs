using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Model;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Storage;

namespace Nexus.Core.Monitoring.Digest;

/// <summary>A product whose revenue changed most between the two weeks.</summary>
public sealed record ProductMover(string Name, decimal Revenue, decimal PreviousRevenue)
{
    public decimal Change => Revenue - PreviousRevenue;
}

/// <summary>The weekly digest's content: last week's KPIs against the week before, the top movers, the open alerts.</summary>
public sealed record WeeklyDigest(DateOnly WeekStart, string? Currency, PeriodKpis? Current, PeriodKpis? Previous, IReadOnlyList<ProductMover> Movers, IReadOnlyList<Alert> OpenAlerts)
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public string Subject => $"Your Nexus week of {WeekStart.ToString("d MMM yyyy", Text)}" +
        (Current is { } c && Currency is { } cur ? $": {c.Revenue.ToString("N0", Text)} {cur} revenue" : "");

    public string ToText()
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Your week of {WeekStart.ToString("d MMM yyyy", Text)} to {WeekStart.AddDays(6).ToString("d MMM yyyy", Text)}, against the week before.");
        b.AppendLine();
        if (Current is null || Previous is null || Currency is null)
        {
            b.AppendLine("No orders yet: connect a store and let it sync to see your figures here.");
        }
        else
        {
            Kpi(b, "Revenue", Current.Revenue, Previous.Revenue, $" {Currency}");
            Kpi(b, "Orders", Current.Orders, Previous.Orders, "");
            Kpi(b, "Average order", Current.AverageOrderValue, Previous.AverageOrderValue, $" {Currency}");
            Kpi(b, "Customers", Current.Customers, Previous.Customers, "");
            Kpi(b, "New customers", Current.NewCustomers, Previous.NewCustomers, "");
        }
        b.AppendLine();
        b.AppendLine("Top movers (products by revenue change):");
        if (Movers.Count == 0) b.AppendLine("  none: no product sold in either week.");
        foreach (var m in Movers)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"  {(m.Change >= 0 ? "+" : "-")}{Math.Abs(m.Change).ToString("N0", Text)} {Currency}  {m.Name} ({m.Revenue.ToString("N0", Text)} vs {m.PreviousRevenue.ToString("N0", Text)})");
        }
        b.AppendLine();
        b.AppendLine(OpenAlerts.Count == 0 ? "Open alerts: none." : $"Open alerts ({OpenAlerts.Count}):");
        foreach (var a in OpenAlerts) b.AppendLine(CultureInfo.InvariantCulture, $"  - {a.Title}");
        b.AppendLine();
        b.AppendLine("You get this e-mail because the weekly digest is switched on in Nexus (Alerts → Notifications).");
        return b.ToString();
    }

    private static void Kpi(StringBuilder b, string name, decimal current, decimal previous, string unit)
    {
        var change = OverviewReport.Change(current, previous) is { } c ? $" ({(c >= 0 ? "+" : "")}{(c * 100).ToString("0.#", Text)} %)" : " (no orders the week before)";
        b.AppendLine(CultureInfo.InvariantCulture, $"  {name,-14} {current.ToString("N2", Text).Replace(".00", "", StringComparison.Ordinal)}{unit}, week before {previous.ToString("N2", Text).Replace(".00", "", StringComparison.Ordinal)}{unit}{change}");
    }
}

/// <summary>Builds a tenant's weekly digest from its stored orders (top movers from order lines) and open alerts.</summary>
public sealed class WeeklyDigestBuilder(IDbContextFactory<NexusDbContext> dbFactory, OverviewQuery overview)
{
    public const int TopMovers = 5;

    /// <summary>The digest for the seven days before <paramref name="weekStart"/> + 7, i.e. [weekStart, weekStart + 7).</summary>
    public async Task<WeeklyDigest> BuildAsync(Guid tenantId, DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderByDescending(a => a.OpenedAt).ToListAsync(cancellationToken);
        var currency = (await ScopeCurrencies.ListAsync(db, tenantId, null, cancellationToken)).FirstOrDefault()?.Currency;
        if (currency is null) return new WeeklyDigest(weekStart, null, null, null, [], alerts);

        var period = ReportingPeriod.EndingOn(weekStart.AddDays(6), 7);
        var report = await overview.RunAsync(new AnalyticsScope(tenantId, null, currency, weekStart.AddDays(6)), period, BucketSize.Day, cancellationToken);
        var movers = await MoversAsync(db, currency, period, cancellationToken);
        return new WeeklyDigest(weekStart, currency, report.Current, report.Previous, movers, alerts);
    }

    /// <summary>Per product, line revenue (after discounts) of revenue orders in each week; the biggest absolute changes.</summary>
    private static async Task<IReadOnlyList<ProductMover>> MoversAsync(NexusDbContext db, string currency, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var previousStart = period.Previous.Start;
        var statuses = ScopedOrders.RevenueStatuses.ToArray();
        var payloads = await db.Orders.AsNoTracking()
            .Where(o => o.Currency == currency && o.CreatedAt >= previousStart && o.CreatedAt < period.End && statuses.Contains(o.Status))
            .Select(o => new { o.CreatedAt, o.Payload }).ToListAsync(cancellationToken);
        var totals = new Dictionary<string, (string Name, decimal Current, decimal Previous)>();
        foreach (var row in payloads)
        {
            var order = JsonSerializer.Deserialize<Order>(row.Payload, RecordUpserter.PayloadJson);
            if (order is null) continue;
            var current = row.CreatedAt >= period.Start;
            foreach (var line in order.Lines)
            {
                var key = line.ProductPlatformId ?? line.Sku ?? line.Name ?? "?";
                var entry = totals.GetValueOrDefault(key, (Name: line.Name ?? key, Current: 0m, Previous: 0m));
                entry = current ? entry with { Current = entry.Current + line.Total.Amount } : entry with { Previous = entry.Previous + line.Total.Amount };
                totals[key] = entry;
            }
        }
        return totals.Values.Select(t => new ProductMover(t.Name, t.Current, t.Previous))
            .Where(m => m.Change != 0).OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.Name, StringComparer.Ordinal).Take(TopMovers).ToList();
    }
}
