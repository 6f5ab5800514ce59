using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Nexus.Core.Accounts;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Storage;
using Nexus.Web.Components.Pages.Forecasts;
using Nexus.Web.Components.Pages.Products;
using Nexus.Web.Tenancy;
using Plotly.Blazor.Traces;

namespace Nexus.Tests.Web.Products;

public sealed class ProductPageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<ScratchStoreDatabase> SeededAsync(Guid? viewer = null)
    {
        var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedStandardAsync(database);
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("merchant@example.test").SetClaims(new Claim(NexusClaims.TenantId, (viewer ?? database.TenantId).ToString()));
        Services.AddSingleton<IDbContextFactory<NexusDbContext>>(database);
        Services.AddScoped<TenantDbContextFactory>();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ProductTestData.Now));
        Services.AddProductInsights();
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var insights = await ProductRefreshJobTests.Insights(database, new FakeTimeProvider(ProductTestData.Now)).ComputeAsync(database.TenantId, database.StoreId);
        await Services.GetRequiredService<ProductCache>().SaveAsync(database.TenantId, database.StoreId, insights!);
        return database;
    }

    [Fact]
    public async Task A_product_shows_its_weekly_history_and_forecast_backtest_customers_by_name_and_what_is_bought_with_it()
    {
        await using var database = await SeededAsync();

        var page = Render<ProductPage>(p => p.Add(x => x.StoreId, database.StoreId).Add(x => x.ProductId, "1"));

        page.WaitForAssertion(() => Assert.Equal("Blue mug", page.Find("[data-testid=product-title]").TextContent.Trim()), Wait);
        var traces = page.FindComponent<ForecastChart>().Instance.Data.Cast<Scatter>().ToList();
        Assert.Equal(28, traces[0].Y.Count); // 200 days = 28 whole weeks counted back from the as-of day
        Assert.Equal("2026-06-24", traces[0].X[^1]); // the last history week ends on the as-of day, 2026-06-30
        Assert.Equal(ProductWeeklyPath.ForecastWeeks(90), traces[5].Y.Count);
        Assert.Equal("2026-07-01", traces[5].X[0]);
        Assert.Equal(14.0, traces[5].Y[0]); // 180 units over 90 days = 14 a week
        Assert.Contains("off by", page.Find("[data-testid=backtest-wape]").TextContent);

        var customers = page.FindAll("[data-testid=top-customer]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, customers.Count);
        Assert.Contains(customers, c => c.Contains("Ada Lovelace") && c.Contains("ada@example.test"));
        Assert.Contains(customers, c => c.Contains("Alan Turing") && c.Contains("alan@example.test"));

        // Every paid order holds the mug, so whatever is bought with it is bought with it by chance: lift 1.
        var pairs = page.FindAll("[data-testid=pair]");
        Assert.Equal(["Green mug", "Red mug"], pairs.Select(p => p.QuerySelector("a")!.TextContent.Trim()).Order());
        Assert.All(pairs, p => Assert.Equal("1.00", p.QuerySelector("[data-testid=lift]")!.TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid=variant-row]"));
    }

    [Fact]
    public async Task Another_tenants_product_is_not_found()
    {
        await using var database = await SeededAsync(viewer: Guid.NewGuid());

        var page = Render<ProductPage>(p => p.Add(x => x.StoreId, database.StoreId).Add(x => x.ProductId, "1"));

        page.WaitForAssertion(() => Assert.Contains("not in your analysis", page.Find("[data-testid=empty-state]").TextContent), Wait);
        Assert.DoesNotContain("Blue mug", page.Markup);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
