using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>analyze forecast --store ID | --all</c>: a synced store's (or a tenant's) sales forecast. With <c>--owner</c> the
/// store must belong to that account's tenant; without it <c>--store</c> is the ops lookup by id the other analyze verbs
/// use and <c>--all</c> means the 'cli' account's stores. Each tenant's stores are read with that tenant only.
/// </summary>
internal static class StoreForecastCli
{
    public static async Task<int> RunAsync(int? storeId, SalesMetric metric, string? owner, ForecastOptions options, bool json, CancellationToken cancellationToken)
    {
        await using var host = NexusCli.BuildHost();
        try
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            var factory = host.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
            Guid tenantId;
            string label;
            if (storeId is { } id)
            {
                var store = await CliStore.ResolveAsync(host.Services, id, owner, cancellationToken);
                tenantId = store.TenantId;
                label = $"store {id} ({store.Name})";
            }
            else
            {
                tenantId = await CliTenant.ResolveAsync(host.Services, owner, cancellationToken);
                label = owner is null ? "all stores of the 'cli' account" : $"all stores of {owner}";
            }
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                var currencies = await ScopeCurrencies.ListAsync(db, tenantId, storeId, cancellationToken);
                if (currencies.Count == 0) throw new CliException($"error: {label} has no revenue orders yet: sync first");
                var currency = currencies[0].Currency;
                if (currencies.Count > 1) Console.Error.WriteLine($"note: forecasting {currency} orders only; there are also {string.Join(", ", currencies.Skip(1).Select(c => c.Currency))}");
                Console.Error.WriteLine($"reading {label}, {currency}, {metric.ToString().ToLowerInvariant()} per {options.Frequency.ToString().ToLowerInvariant()} period…");
                var scope = AnalyticsScope.AsOfToday(tenantId, storeId, currency, host.Services.GetRequiredService<TimeProvider>());
                var forecast = await host.Services.GetRequiredService<SalesForecaster>()
                    .ForecastAsync(scope, new SalesForecastRequest(metric, options.Frequency, options.Horizon), cancellationToken);
                if (forecast.Result is null)
                    throw new CliException($"error: {label} has {forecast.History.Length} {options.Frequency.ToString().ToLowerInvariant()} periods of sales; forecasts need at least {forecast.MinimumHistory}");
                var r = forecast.Result;
                if (json)
                    Console.Out.WriteLine(JsonSerializer.Serialize(new
                    {
                        source = label,
                        currency,
                        metric,
                        frequency = options.Frequency,
                        history = forecast.History.PeriodStarts.Select((d, i) => new { period = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value = forecast.History.Values[i] }),
                        periods = forecast.ForecastStarts().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        result = ForecastJson.Of(label, null, r),
                    }, CliJson.Options));
                else
                {
                    Console.Out.WriteLine($"{label}: {r.Model} ({r.Description}); backtest sMAPE {r.ChosenScore?.Smape:F1} %, MASE {r.ChosenScore?.Mase:F2}");
                    foreach (var (d, i) in forecast.ForecastStarts().Select((d, i) => (d, i)))
                        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd}  {r.Path.Mean[i],14:N2}  80 % [{r.Path.Lower80[i]:N2}, {r.Path.Upper80[i]:N2}]  95 % [{r.Path.Lower95[i]:N2}, {r.Path.Upper95[i]:N2}]"));
                }
            }
            return 0;
        }
        catch (CliException e)
        {
            Console.Error.WriteLine(e.Message.StartsWith("error:", StringComparison.Ordinal) ? e.Message : $"error: {e.Message}");
            return AnalyzeCommand.ExitBadInput;
        }
    }
}
