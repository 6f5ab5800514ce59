using System.Globalization;
using Bunit;
using Nexus.Benchmarks.Analytics;
using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Components.Pages.Lifetime;

namespace Nexus.Tests.Web.Analytics;

public sealed class LifetimePageTests : AnalyticsPageContext
{
    [Fact]
    public async Task Fits_the_models_on_stored_orders_and_explains_the_result()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        // 400 customers of the seeded BG/NBD + Gamma-Gamma process the analytics benchmark uses, stored as completed orders.
        var orders = SyntheticTransactions.Generate(400, seed: 7).Select((t, i) => MetricsTestData.NewOrder(
            i.ToString(CultureInfo.InvariantCulture), t.CustomerId, null, OrderStatus.Completed, Math.Round(t.Amount, 2), t.Date)).ToList();
        await new RecordUpserter(database).UpsertOrdersAsync(database.TenantId, database.StoreId, orders);
        Use(database);

        var page = Render<Lifetime>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=clv-explanation]")), TimeSpan.FromSeconds(60));
        Assert.Equal(20, page.FindAll("[data-testid=top-customers] tbody tr").Count);
        Assert.Contains("BG/NBD r = ", page.Find("[data-testid=clv-parameters]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=clv-histogram]"));
        Assert.NotEmpty(page.FindAll("[data-testid=alive-scatter]"));
        Assert.EndsWith("EUR", page.Find("[data-testid=clv-total] b").TextContent.Trim());
        // The headline count is of customers expected to order soon, a share of the 400, not of everyone "alive".
        var soon = page.Find("[data-testid=ordering-soon] b").TextContent.Trim();
        Assert.StartsWith("≈ ", soon);
        Assert.InRange(int.Parse(soon[2..], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 1, 399);
        // The model is chosen on a holdout and the page says which and why.
        var choice = page.Find("[data-testid=model-choice]").TextContent;
        Assert.Contains("asked to predict", choice);
        Assert.Equal(2, page.FindAll("[data-testid=holdout-table] tbody tr").Count);
        Assert.Contains(page.Find("[data-testid=purchase-model] b").TextContent, new[] { "BG/NBD", "MBG/NBD" });
        Assert.Contains("MBG/NBD r = ", page.Find("[data-testid=clv-parameters]").TextContent);
        // "Orders" counts orders (each synthetic transaction is one order), not the model's purchase days.
        var topOrders = page.FindAll("[data-testid=top-customers] tbody tr").Sum(r => int.Parse(r.Children[1].TextContent, CultureInfo.InvariantCulture));
        var expected = SyntheticTransactions.Generate(400, seed: 7).GroupBy(t => t.CustomerId).ToDictionary(g => $"{database.StoreId}/{g.Key}", g => g.Count());
        Assert.Equal(page.FindAll("[data-testid=top-customers] tbody tr").Sum(r => expected[r.Children[0].GetAttribute("title") ?? r.Children[0].TextContent]), topOrders);
    }
}
