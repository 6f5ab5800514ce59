using System.Security.Claims;
using Bunit;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Nexus.Core.Accounts;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Storage;
using Nexus.Web.Components.Pages.Forecasts;
using Nexus.Web.Tenancy;
using Plotly.Blazor.Traces;

namespace Nexus.Tests.Web.Forecasts;

public sealed class ForecastsPageTests : BunitContext, IAsyncLifetime
{
    private readonly RecordingJobClient _jobs = new();

    private ForecastCache Use(ScratchStoreDatabase database)
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("merchant@example.test").SetClaims(new Claim(NexusClaims.TenantId, database.TenantId.ToString()));
        Services.AddSingleton<IDbContextFactory<NexusDbContext>>(database);
        Services.AddScoped<TenantDbContextFactory>();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ForecastTestData.Start.AddDays(200)));
        Services.AddForecasting();
        Services.AddSingleton<IBackgroundJobClient>(_jobs);
        Services.AddSingleton<Nexus.Core.Analytics.Metrics.ReportFilterQuery>(); // every analytics page offers the report filters
        // Accessing the renderer builds the service provider, so this comes after every registration.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Services.GetRequiredService<ForecastCache>();
    }

    private static SalesSeries Weekly(int weeks) => new(ForecastFrequency.Weekly, SalesMetric.Revenue, "EUR",
        Enumerable.Range(0, weeks).Select(i => new DateOnly(2025, 1, 6).AddDays(7 * i)).ToArray(),
        Enumerable.Range(0, weeks).Select(i => 1000 + 10.0 * i + 50 * Math.Sin(i)).ToArray());

    [Fact]
    public async Task Too_short_a_history_says_how_much_is_needed_and_how_much_there_is()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var cache = Use(database);
        await cache.SaveAsync(database.TenantId, null, SalesForecaster.Forecast(Weekly(10), new SalesForecastRequest(SalesMetric.Revenue, ForecastFrequency.Weekly, 26)));

        var page = Render<Nexus.Web.Components.Pages.Forecasts.Forecasts>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=empty-state]")), TimeSpan.FromSeconds(10));
        var text = page.Find("[data-testid=empty-state]").TextContent;
        Assert.Contains("at least 26 weeks", text);
        Assert.Contains("have 10 so far", text);
        Assert.Empty(page.FindAll("[data-testid=forecast-chart]"));
    }

    [Fact]
    public async Task Without_a_computed_forecast_it_offers_to_compute_and_then_shows_it_is_computing()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        Use(database);

        var page = Render<Nexus.Web.Components.Pages.Forecasts.Forecasts>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=compute-now]")), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=compute-now]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=computing]")), TimeSpan.FromSeconds(10));
        var job = Assert.Single(_jobs.Created);
        Assert.Equal(nameof(Nexus.Web.Forecasts.ForecastRefreshJob.RunAsync), job.Method.Name);
        Assert.Equal(database.StoreId, job.Args[0]);
    }

    [Fact]
    public async Task A_ready_forecast_is_charted_with_both_bands_for_the_chosen_horizon_and_named_in_plain_words()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var cache = Use(database);
        var forecast = SalesForecaster.Forecast(Weekly(120), new SalesForecastRequest(SalesMetric.Revenue, ForecastFrequency.Weekly, 26));
        await cache.SaveAsync(database.TenantId, null, forecast);

        var page = Render<Nexus.Web.Components.Pages.Forecasts.Forecasts>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=forecast-chart]")), TimeSpan.FromSeconds(10));
        var chart = page.FindComponent<ForecastChart>();
        Assert.Equal(13, chart.Instance.Horizon);
        var traces = chart.Instance.Data.Cast<Scatter>().ToList();
        Assert.Equal(["History", "95 % upper", "95 % interval", "80 % upper", "80 % interval", "Forecast"], traces.Select(t => t.Name));
        Assert.Equal(120, traces[0].Y.Count);
        Assert.All(traces.Skip(1), t => Assert.Equal(13, t.Y.Count));
        Assert.Equal("2027-04-26", traces[5].X[0]); // the week after the last history week (2025-01-06 + 119 weeks = 2027-04-19)
        Assert.Equal(Math.Round(forecast.Result!.Path.Upper95[0], 2), traces[1].Y[0]);
        Assert.Equal(Math.Round(forecast.Result.Path.Lower80[12], 2), traces[4].Y[12]);
        Assert.Equal(ForecastTrust.Assess(forecast.Result).Verdict, page.Find("[data-testid=trust-verdict]").TextContent.Trim());
        Assert.Contains(forecast.Result.Description, page.Find("[data-testid=model-description]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(page.FindAll("[data-testid=backtest-chart]"));
        Assert.Equal(forecast.Result.Candidates.Count, page.FindAll("[data-testid=candidate-table] tbody tr").Count);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
