using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Currency;
using Nexus.Core.Storage;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>report overview --from D --to D [--store ID | --all] [--currency XXX] [--owner EMAIL] [--json]</c>: the Overview
/// page's figures from the same read model (<see cref="OverviewQuery"/>). All stores are converted into the reporting
/// currency (<c>--currency</c>, else the account's choice, else its first store's) on each order's day; one store stays
/// in its own currency, as on the page.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The figures as printed (money in the report's currency, rates as fractions).</summary>
    public sealed record OverviewFigures(
        string Scope, int? StoreId, string Currency, bool Converted, DateOnly From, DateOnly To,
        decimal Revenue, int Orders, decimal AverageOrderValue, int Customers, int NewCustomers, int ReturningCustomers,
        double? RepeatRate, double? RefundRate, ConversionNote? Conversion);

    public static Command Create() => new("report", "The analytics pages' figures on the command line.") { Overview() };

    private static Command Overview()
    {
        var from = AnalyzeCommand.DateOption("--from", "First day (UTC) of the period.");
        from.Required = true;
        var to = AnalyzeCommand.DateOption("--to", "Last day (UTC), included.");
        to.Required = true;
        var store = new Option<int?>("--store") { Description = "One store, in its own currency.", HelpName = "ID" };
        var all = new Option<bool>("--all") { Description = "All the account's stores, converted into the reporting currency (the default)." };
        var currency = new Option<string?>("--currency") { Description = "Report in this currency (All stores: converted into it; one store: its orders in it).", HelpName = "XXX" };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("overview", "Revenue, orders, AOV, customers, new/returning, repeat and refund rate for a period.") { from, to, store, all, currency, owner, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var (first, last) = (parse.GetValue(from)!.Value, parse.GetValue(to)!.Value);
            if (last < first) throw new CliException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
            if (parse.GetValue(all) && parse.GetValue(store) is not null) throw new CliException("Use --store ID or --all, not both.");
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            await services.GetRequiredService<FxRateStore>().EnsureShippedRatesAsync(token);
            var scope = await ScopeAsync(services, tenant, parse.GetValue(store), parse.GetValue(currency), parse.GetValue(owner), token);
            var period = new ReportingPeriod(Day(first), Day(last.AddDays(1)));
            var report = await services.GetRequiredService<OverviewQuery>().RunAsync(scope, period, cancellationToken: token);
            var k = report.Current;
            var figures = new OverviewFigures(scope.StoreId is null ? "all" : "store", scope.StoreId, scope.Currency, scope.Converted, first, last,
                k.Revenue, k.Orders, decimal.Round(k.AverageOrderValue, 2), k.Customers, k.NewCustomers, k.ReturningCustomers,
                k.RepeatPurchaseRate, k.RefundRate, report.Conversion);
            Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(figures, CliJson.Options) + Environment.NewLine : Format(figures));
            return 0;
        }, ct));
        return command;
    }

    private static async Task<AnalyticsScope> ScopeAsync(IServiceProvider services, Guid tenant, int? storeId, string? currency, string? owner, CancellationToken token)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        if (storeId is { } id)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync(token);
            db.TenantId = tenant;
            if (!await db.Stores.AnyAsync(s => s.Id == id, token)) throw CliTenant.NoSuchStore(id, owner);
            // One store: its orders in one currency, never converted (as the page shows a store).
            var own = currency is null ? (await ScopeCurrencies.ListAsync(db, tenant, id, token)).FirstOrDefault()?.Currency : ReportingCurrencies.Validate(currency);
            return AnalyticsScope.AsOfToday(tenant, id, own ?? ReportingCurrencies.Fallback, clock);
        }
        var reporting = currency is null
            ? await services.GetRequiredService<ReportingCurrencies>().GetAsync(tenant, token)
            : ReportingCurrencies.Validate(currency);
        return AnalyticsScope.AsOfToday(tenant, null, reporting, clock) with { Converted = true };
    }

    private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Format(OverviewFigures f)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Overview {f.From:yyyy-MM-dd} – {f.To:yyyy-MM-dd}, {(f.StoreId is { } id ? $"store {id}" : "all stores")}, in {f.Currency}{(f.Converted ? " (converted with ECB rates on each order's day)" : "")}");
        sb.AppendLine(inv, $"  Revenue          {f.Revenue:N2} {f.Currency}");
        sb.AppendLine(inv, $"  Orders           {f.Orders:N0}");
        sb.AppendLine(inv, $"  Average order    {f.AverageOrderValue:N2} {f.Currency}");
        sb.AppendLine(inv, $"  Customers        {f.Customers:N0} ({f.NewCustomers:N0} new, {f.ReturningCustomers:N0} returning)");
        sb.AppendLine(inv, $"  Repeat rate      {(f.RepeatRate is { } r ? r.ToString("P1", inv) : "–")}");
        sb.AppendLine(inv, $"  Refund rate      {(f.RefundRate is { } rr ? rr.ToString("P1", inv) : "–")}");
        if (f.Conversion is { StaleOrders: > 0 } stale)
            sb.AppendLine(inv, $"  Note: {stale.StaleOrders:N0} orders were converted with a rate more than 7 days older than the order (a currency the ECB stopped quoting, or rates that need updating: fx import --file F).");
        if (f.Conversion is { UnconvertedOrders: > 0 } missing)
            sb.AppendLine(inv, $"  Note: {missing.UnconvertedOrders:N0} orders in {string.Join(", ", missing.UnconvertedCurrencies)} are left out: there is no ECB rate for them (set one with fx override add).");
        return sb.ToString();
    }
}
