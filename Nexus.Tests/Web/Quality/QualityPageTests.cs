using System.Security.Claims;
using Bunit;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Nexus.Core.Accounts;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Quality;
using Nexus.Web.Quality;
using Nexus.Web.Tenancy;
using QualityPage = Nexus.Web.Components.Pages.Quality.Quality;

namespace Nexus.Tests.Web.Quality;

/// <summary>The report card page rendered with bUnit over a real database after a real sync of a sandbox store with defects.</summary>
/// <remarks>
/// In the host collection because Hangfire's logging is static: a host disposed by another test leaves it pointing at
/// a disposed logger factory, so this class runs apart from them and resets it to Hangfire's own default first.
/// </remarks>
[Collection(Nexus.Tests.Infrastructure.HostCollection.Name)]
public sealed class QualityPageTests : BunitContext, IAsyncLifetime
{
    private QualitySyncHarness _harness = null!;
    private readonly string _jobsFile = Path.Combine(Path.GetTempPath(), $"nexus-quality-jobs-{Guid.NewGuid():N}.db");
    private SQLiteStorage _jobStorage = null!;

    public async Task InitializeAsync()
    {
        _harness = await QualitySyncHarness.CreateAsync(SizeProfile.Tiny, DefectRates.Uniform(0.1));
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IDbContextFactory<NexusDbContext>>(_harness.Db);
        Services.AddScoped<TenantDbContextFactory>();
        Services.AddSingleton(_harness.Reports);
        Services.AddSingleton(_harness.Revalidator);
        // Re-validation runs as a Hangfire job: a real job storage of the test's own, and a server started by the test.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        _jobStorage = new SQLiteStorage(_jobsFile, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200) });
        Services.AddSingleton<JobStorage>(_jobStorage);
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(_jobStorage));
        Services.AddSingleton(TimeProvider.System);
        Services.AddQualityWeb();
        AddAuthorization().SetAuthorized("merchant@example.test").SetClaims(new Claim(NexusClaims.TenantId, _harness.Db.TenantId.ToString()));
    }

    // Hides BunitContext's ValueTask DisposeAsync for xUnit's IAsyncLifetime; disposes the context first (MudBlazor's
    // services are async-disposable only), then the database.
    public new async Task DisposeAsync()
    {
        await DisposeAsyncCore();
        await _harness.DisposeAsync();
        _jobStorage.Dispose();
        File.Delete(_jobsFile);
    }

    private IRenderedComponent<QualityPage> RenderPage(int? store)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(store is { } id ? $"quality?store={id}" : "quality");
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<QualityPage>(1);
            builder.CloseComponent();
        });
        return host.FindComponent<QualityPage>();
    }

    [Fact]
    public void Before_any_sync_the_page_says_so_instead_of_grading_nothing()
    {
        var page = RenderPage(_harness.Db.StoreId);
        page.WaitForAssertion(() => Assert.Contains("Nothing synced yet", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=overall-grade]"));
    }

    [Fact]
    public async Task After_a_sync_the_card_shows_the_grade_failing_rules_and_the_quarantine()
    {
        var summary = await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);
        Assert.Equal(SyncRunStatus.Succeeded, summary.Status);
        var overview = (await new StoreOverviewQuery(_harness.Db).GetAsync(_harness.Db.TenantId, _harness.Db.StoreId))!;

        var page = RenderPage(_harness.Db.StoreId);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=overall-grade]")));
        // The big grade is the one the sync's snapshot recorded (written by the sync, not by this page).
        Assert.Equal(overview.QualityGrade, page.Find("[data-testid=overall-grade]").TextContent.Trim());
        Assert.Contains(overview.QualityGrade!, Grades.All);
        Assert.Equal(3, page.FindAll("[data-testid^=entity-grade-]").Count);
        // Rules are named in plain words; the id is only the tooltip.
        var rules = page.FindAll("[data-testid=rule-row]").ToList();
        Assert.Contains(rules, r => r.Children[0].GetAttribute("title") == "order.totals-add-up" && r.Children[0].TextContent.Trim() == "Total does not add up.");
        Assert.DoesNotContain(rules, r => r.TextContent.Contains("{value}") || r.TextContent.Contains("order.totals-add-up"));
        Assert.NotEmpty(page.FindAll("[data-testid=recommendation]"));
        var quarantined = page.FindAll("[data-testid=quarantine-row]");
        Assert.Equal(Math.Min(summary.Counts.Values.Sum(c => c.Quarantined), QualityPage.QuarantinePageSize), quarantined.Count);
        Assert.Contains(quarantined, row => (row.Children[1].GetAttribute("title") ?? "").Contains("order.created-not-future"));
        // Each reason once, in words; the rule id and raw value stay in the tooltip.
        Assert.All(quarantined, row =>
        {
            var reasons = row.QuerySelectorAll("[data-testid=quarantine-reason]").Select(r => r.TextContent).ToList();
            Assert.Equal(reasons.Distinct().Count(), reasons.Count);
            Assert.DoesNotContain(reasons, r => r.Contains("order.") && r.Contains("value:"));
        });
        Assert.Contains("The trend appears after the second sync", page.Markup);
        Assert.Equal($"api/quality/failures.csv?store={_harness.Db.StoreId}", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Re_validate_re_runs_the_rules_and_adds_a_trend_point()
    {
        await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);
        var page = RenderPage(_harness.Db.StoreId);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=revalidate]")));

        await page.InvokeAsync(() => page.Find("[data-testid=revalidate]").Click());

        // Queued, not run on the circuit: nothing happens until a job server picks it up.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=revalidating]")));
        await using (var before = _harness.Db.ForTenant())
            Assert.Equal(["sync"], await before.QualitySnapshots.Select(s => s.Trigger).ToListAsync());

        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            Queues = ["default"],
            WorkerCount = 1,
            Activator = new AspNetCoreJobActivator(Services.GetRequiredService<IServiceScopeFactory>()),
        }, _jobStorage);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=trend-chart]")), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=revalidating]")), TimeSpan.FromSeconds(10));
        await using var db = _harness.Db.ForTenant();
        Assert.Equal(["revalidate", "sync"], (await db.QualitySnapshots.Select(s => s.Trigger).ToListAsync()).Order());
    }
}
