using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Analytics;

/// <summary>A store the scope picker offers.</summary>
public sealed record StoreChoice(int Id, string Name);

/// <summary>
/// What every analytics page shares: the signed-in tenant, its stores and currencies, and the chosen scope (one
/// store or all, one currency). Pages implement <see cref="LoadAsync"/> for the chosen scope.
/// A page with a date range and filters (Overview, Customers, Cohorts: <see cref="DefaultSelection"/> not null) reads its
/// <see cref="Selection"/> from the URL when it opens and writes every change back, so a view can be bookmarked and shared.
/// </summary>
public abstract class AnalyticsPage : ComponentBase
{
    [Inject] protected TenantDbContextFactory Tenant { get; set; } = default!;
    [Inject] protected IDbContextFactory<NexusDbContext> Factory { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private ReportFilterQuery FilterQuery { get; set; } = default!;

    protected Guid TenantId { get; private set; }
    protected IReadOnlyList<StoreChoice> Stores { get; private set; } = [];
    protected IReadOnlyList<CurrencyCount> Currencies { get; private set; } = [];

    /// <summary>The date range, comparison and filters chosen (the default view on pages without report controls).</summary>
    protected ReportSelection Selection { get; private set; } = ReportSelection.Default;

    /// <summary>The page's view when the URL names none; null for pages without a date range and filters (their URL is left alone).</summary>
    protected virtual ReportSelection? DefaultSelection => null;

    /// <summary>The stores, platforms and countries the filters offer.</summary>
    protected ReportFilterOptions FilterOptions { get; private set; } = ReportFilterOptions.None;

    /// <summary>0 = all stores.</summary>
    protected int StoreId => Selection.Store ?? 0;
    protected string? Currency { get; private set; }

    /// <summary>True once stores and currencies are known.</summary>
    protected bool ScopeLoaded { get; private set; }

    /// <summary>Null when the tenant has no revenue orders (the page shows its empty state).</summary>
    protected AnalyticsScope? Scope => Currency is null ? null : AnalyticsScope.AsOfToday(TenantId, null, Currency, Clock).Filtered(Selection);

    protected override async Task OnInitializedAsync()
    {
        TenantId = await Tenant.GetTenantIdAsync() ?? Guid.Empty;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            db.TenantId = TenantId;
            Stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => new StoreChoice(s.Id, s.Name)).ToListAsync();
        }
        if (DefaultSelection is { } defaults)
        {
            FilterOptions = await FilterQuery.LoadAsync(TenantId);
            var fromUrl = ReportSelection.Parse(Navigation.ToAbsoluteUri(Navigation.Uri).Query, defaults);
            // A store id that is not this tenant's (an old bookmark, another merchant's link) shows all stores rather than nothing.
            Selection = fromUrl.Store is { } id && Stores.All(s => s.Id != id) ? fromUrl with { Store = null } : fromUrl;
        }
        await LoadCurrenciesAsync();
        // Prerendering only sends the page's frame (title, picker, progress bar): the figures are computed once, on
        // the circuit. Computing them while prerendering held the first byte of the page for the whole RFM or CLV
        // fit (seconds on a big store, over 30 s on a busy machine) and then computed everything a second time.
        if (!RendererInfo.IsInteractive) return;
        ScopeLoaded = true;
        await LoadAsync();
    }

    protected Task OnStoreChangedAsync(int storeId) => OnSelectionChangedAsync(Selection with { Store = storeId == 0 ? null : storeId });

    /// <summary>Applies a new selection: the URL first (replacing the history entry, so Back leaves the page), then the figures.</summary>
    protected async Task OnSelectionChangedAsync(ReportSelection selection)
    {
        var storeChanged = selection.Store != Selection.Store;
        Selection = selection;
        if (DefaultSelection is not null)
        {
            var path = Navigation.ToAbsoluteUri(Navigation.Uri).GetLeftPart(UriPartial.Path);
            Navigation.NavigateTo($"{path}?{selection.ToQuery()}", new NavigationOptions { ReplaceHistoryEntry = true });
        }
        if (storeChanged) await LoadCurrenciesAsync();
        await LoadAsync();
    }

    protected async Task OnCurrencyChangedAsync(string currency)
    {
        Currency = currency;
        await LoadAsync();
    }

    /// <summary>(Re)computes the page's figures for <see cref="Scope"/>.</summary>
    protected abstract Task LoadAsync();

    private async Task LoadCurrenciesAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        Currencies = await ScopeCurrencies.ListAsync(db, TenantId, StoreId == 0 ? null : StoreId);
        // Keep the chosen currency when the new scope has it; otherwise the one with the most orders.
        Currency = Currencies.Any(c => c.Currency == Currency) ? Currency : Currencies.FirstOrDefault()?.Currency;
    }
}
