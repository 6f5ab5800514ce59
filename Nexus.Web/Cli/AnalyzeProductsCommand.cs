using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Storage;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>analyze products --store ID [--as-of YYYY-MM-DD] [--horizon-days 30] [--owner EMAIL] [--json]</c>: per product and
/// variant the expected units over the horizon with an interval, status, ABC/XYZ, days of cover and stock-out date, the
/// chosen method and its backtest score, plus the pairs bought together. <c>--as-of</c> ignores every order after that
/// day, so a forecast can be scored against what happened afterwards.
/// </summary>
internal static class AnalyzeProductsCommand
{
    public static Command Create()
    {
        var store = new Option<int>("--store") { Description = "The synced store (ops use: found by id across tenants).", HelpName = "ID", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Analyse as if today were the day after this one (default: yesterday, the last whole day).", HelpName = "YYYY-MM-DD" };
        var horizon = new Option<int>("--horizon-days") { Description = "Days ahead to forecast.", DefaultValueFactory = _ => 30 };
        horizon.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 365) r.AddError("--horizon-days must be between 1 and 365"); });
        var owner = new Option<string?>("--owner") { Description = "The e-mail of the tenant's user; the store must belong to that tenant.", HelpName = "EMAIL" };
        var json = new Option<bool>("--json") { Description = "Print the analysis as JSON on stdout." };
        var command = new Command("products", "Per-product demand forecasts (Croston/SBA/TSB for intermittent sales), status, ABC/XYZ, stock cover and products bought together.")
        {
            store, asOf, horizon, owner, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    Console.Error.WriteLine($"error: --as-of '{text}' is not a date like 2026-01-31");
                    return AnalyzeCommand.ExitUsage;
                }
                day = parsed;
            }
            return await RunAsync(parse.GetValue(store), day, parse.GetValue(horizon), parse.GetValue(owner), parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(int storeId, DateOnly? asOf, int horizon, string? owner, bool json, CancellationToken cancellationToken)
    {
        await using var host = NexusCli.BuildHost();
        try
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            var store = await CliStore.ResolveAsync(host.Services, storeId, owner, cancellationToken);
            var factory = host.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
            string currency;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                var currencies = await ScopeCurrencies.ListAsync(db, store.TenantId, storeId, cancellationToken);
                if (currencies.Count == 0) throw new CliException($"error: store {storeId} ({store.Name}) has no paid orders yet: sync first");
                currency = currencies[0].Currency;
                if (currencies.Count > 1) Console.Error.WriteLine($"note: analysing {currency} orders only; there are also {string.Join(", ", currencies.Skip(1).Select(c => c.Currency))}");
            }
            var day = asOf ?? DateOnly.FromDateTime(host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-1);
            var sales = await new ProductSalesQuery(factory).LoadAsync(new AnalyticsScope(store.TenantId, storeId, currency, day), cancellationToken);
            if (sales.Days.Count == 0)
                throw new CliException($"error: store {storeId} ({store.Name}) has no product lines in paid {currency} orders up to {day:yyyy-MM-dd}");
            var report = ProductAnalysis.Analyse(sales, currency, day, horizon);
            if (json) Console.Out.WriteLine(JsonSerializer.Serialize(ProductsJson.Of(storeId, currency, report), CliJson.Options));
            else
                foreach (var p in report.Products)
                    Console.Out.WriteLine(p.Forecast.ColdStart
                        ? $"{p.ProductId}{(p.VariantId is null ? "" : "/" + p.VariantId)}  {p.Abc}{p.Xyz}  cold start: {p.Forecast.ColdStartReason}"
                        : string.Create(CultureInfo.InvariantCulture, $"{p.ProductId}{(p.VariantId is null ? "" : "/" + p.VariantId)}  {p.Abc}{p.Xyz}  {p.Forecast.ExpectedUnits:F1} units [{p.Forecast.Lower80:F1}, {p.Forecast.Upper80:F1}]  {p.Forecast.Status}  {p.Forecast.Method}  cover {(p.DaysOfCover is { } c ? c.ToString("F0", CultureInfo.InvariantCulture) + " d" : "–")}"));
            return 0;
        }
        catch (CliException e)
        {
            Console.Error.WriteLine(e.Message.StartsWith("error:", StringComparison.Ordinal) ? e.Message : $"error: {e.Message}");
            return AnalyzeCommand.ExitBadInput;
        }
    }
}

/// <summary>The JSON shape of a product report.</summary>
internal static class ProductsJson
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object Of(int storeId, string currency, ProductReport report) => new
    {
        store = storeId,
        currency,
        asOf = Day(report.AsOf),
        horizonDays = report.HorizonDays,
        products = report.Products.Select(p => new
        {
            productId = p.ProductId,
            variantId = p.VariantId,
            name = p.Name,
            firstSale = Day(p.FirstSale),
            unitsSold = p.UnitsSold,
            revenue = p.Revenue,
            abc = p.Abc.ToString(),
            xyz = p.Xyz.ToString(),
            weeklyCv = double.IsFinite(p.WeeklyCv) ? p.WeeklyCv : (double?)null,
            coldStart = p.Forecast.ColdStart,
            coldStartReason = p.Forecast.ColdStartReason,
            intermittent = p.Forecast.Intermittent,
            adi = double.IsFinite(p.Forecast.Adi) ? p.Forecast.Adi : (double?)null,
            expectedUnits = p.Forecast.ExpectedUnits,
            lower80 = p.Forecast.Lower80,
            upper80 = p.Forecast.Upper80,
            lower95 = p.Forecast.Lower95,
            upper95 = p.Forecast.Upper95,
            recentUnits = p.Forecast.RecentUnits,
            status = p.Forecast.Status?.ToString().ToLowerInvariant(),
            method = p.Forecast.Method,
            methodDescription = p.Forecast.MethodDescription,
            backtest = new { wape = p.Forecast.BacktestWape, naiveWape = p.Forecast.NaiveWape, origins = p.Forecast.BacktestOrigins },
            stock = p.Stock,
            daysOfCover = p.DaysOfCover,
            stockOutDate = p.StockOutDate is { } s ? Day(s) : null,
            unitCost = p.UnitCost,
            recentUnitPrice = p.RecentUnitPrice,
        }),
        pairs = report.Pairs.Select(p => new { a = p.A, b = p.B, orders = p.Orders, support = p.Support, confidence = p.Confidence, lift = p.Lift }),
    };
}
