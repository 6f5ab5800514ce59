using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Tests.Web.Products;

namespace Nexus.Tests.Web.Analytics;

public sealed class OverviewMoversTests : AnalyticsPageContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_overview_lists_the_rising_and_declining_products_from_the_cached_analysis()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedAsync(database, ProductTestData.Movers());
        await using (var db = database.CreateDbContext())
        {
            db.Products.AddRange(ProductTestData.Product(database, "busy", "Busy mug", null), ProductTestData.Product(database, "quiet", "Quiet mug", null));
            await db.SaveChangesAsync();
        }
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ProductTestData.Now));
        Use(database);
        var insights = await ProductRefreshJobTests.Insights(database, new FakeTimeProvider(ProductTestData.Now)).ComputeAsync(database.TenantId, database.StoreId);
        await Services.GetRequiredService<ProductCache>().SaveAsync(database.TenantId, database.StoreId, insights!);

        var page = Render<Nexus.Web.Components.Pages.Overview.Overview>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=movers-up] [data-testid=mover]")), Wait);
        Assert.Contains("Quiet mug", Assert.Single(page.FindAll("[data-testid=movers-up] [data-testid=mover]")).TextContent);
        var down = Assert.Single(page.FindAll("[data-testid=movers-down] [data-testid=mover]"));
        Assert.Contains("Busy mug", down.TextContent);
        Assert.StartsWith("90 →", down.QuerySelector("p")!.TextContent.Trim()); // 3 a day in the last 30 days
    }

    [Fact]
    public async Task Before_any_product_analysis_the_card_says_when_movers_appear()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedAsync(database, ProductTestData.Movers());
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ProductTestData.Now));
        Use(database);

        var page = Render<Nexus.Web.Components.Pages.Overview.Overview>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=movers-pending]")), Wait);
        Assert.Empty(page.FindAll("[data-testid=mover]"));
    }
}
