using System.Globalization;
using Bunit;
using Nexus.Core.Benchmarks.Analytics;
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
    }
}
