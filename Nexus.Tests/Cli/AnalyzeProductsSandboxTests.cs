using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Quality;
using Xunit.Abstractions;

namespace Nexus.Tests.Cli;

/// <summary>
/// On a synced sandbox store (trend, weekly and yearly seasonality, promotions) the per-product forecasts made 60 days
/// before the last order beat "the last 30 days again" on WAPE over all forecast products (the
/// cold starts, checked against their definition, have no number to score), with the actual units taken
/// by the test straight from the stored order lines.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AnalyzeProductsSandboxTests(ITestOutputHelper output)
{
    private const int Horizon = 30;

    [Fact]
    public async Task Forecasts_made_60_days_before_the_end_beat_the_last_30_days_again_on_WAPE()
    {
        await using var harness = await QualitySyncHarness.CreateAsync(SizeProfile.Small, DefectRates.None);
        Assert.Equal(SyncRunStatus.Succeeded, (await harness.Engine.RunAsync(harness.Db.StoreId, SyncMode.Full)).Status);
        List<(string Product, string? Variant, DateOnly Day, double Units)> lines;
        await using (var db = harness.Db.CreateDbContext())
        {
            var statuses = ScopedOrders.RevenueStatuses.ToArray();
            lines = (await db.OrderLines.IgnoreQueryFilters().AsNoTracking()
                    .Where(l => l.StoreId == harness.Db.StoreId && statuses.Contains(l.OrderStatus) && l.ProductPlatformId != null)
                    .Select(l => new { l.ProductPlatformId, l.VariantPlatformId, l.OrderCreatedAt, l.Quantity }).ToListAsync())
                .Select(l => (l.ProductPlatformId!, l.VariantPlatformId, DateOnly.FromDateTime(l.OrderCreatedAt.UtcDateTime), l.Quantity)).ToList();
        }
        var end = lines.Max(l => l.Day);
        var asOf = end.AddDays(-60);

        var result = await CliRun.InFolderAsync(harness.Db.Folder, "analyze", "products", "--store", harness.Db.StoreId.ToString(CultureInfo.InvariantCulture),
            "--as-of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--horizon-days", $"{Horizon}", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var products = JsonDocument.Parse(result.Out).RootElement.GetProperty("products").EnumerateArray().ToList();
        double Units((string, string?) key, DateOnly from, DateOnly through) =>
            lines.Where(l => (l.Product, l.Variant) == key && l.Day >= from && l.Day <= through).Sum(l => l.Units);
        double engineError = 0, naiveError = 0, actualTotal = 0;
        var forecast = 0;
        foreach (var p in products)
        {
            var key = (p.GetProperty("productId").GetString()!, p.GetProperty("variantId").GetString());
            // Cold starts are the rows with under 60 days since the first sale or under 3 selling days, counted here.
            var history = lines.Where(l => (l.Product, l.Variant) == key && l.Day <= asOf).ToList();
            var expectColdStart = asOf.DayNumber - history.Min(l => l.Day).DayNumber + 1 < 2 * Horizon || history.Select(l => l.Day).Distinct().Count() < 3;
            Assert.True(expectColdStart == p.GetProperty("coldStart").GetBoolean(), $"{key}: cold start should be {expectColdStart}");
            if (expectColdStart) continue;
            var actual = Units(key, asOf.AddDays(1), asOf.AddDays(Horizon));
            var naive = Units(key, asOf.AddDays(1 - Horizon), asOf);
            engineError += Math.Abs(actual - p.GetProperty("expectedUnits").GetDouble());
            naiveError += Math.Abs(actual - naive);
            actualTotal += actual;
            forecast++;
        }
        var engineWape = engineError / actualTotal;
        var naiveWape = naiveError / actualTotal;
        output.WriteLine($"{forecast} of {products.Count} products forecast as of {asOf:yyyy-MM-dd}; {actualTotal} units followed; WAPE engine {engineWape:P1}, naive {naiveWape:P1}");

        Assert.True(forecast > products.Count / 2, $"only {forecast} of {products.Count} products had enough history");
        Assert.True(engineWape < naiveWape, $"engine WAPE {engineWape:P1} does not beat the naive {naiveWape:P1}");
    }
}
