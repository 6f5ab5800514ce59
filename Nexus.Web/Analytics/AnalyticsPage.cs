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
/// </summary>
public abstract class AnalyticsPage : ComponentBase
{
    [Inject] protected TenantDbContextFactory Tenant { get; set; } = default!;
    [Inject] protected IDbContextFactory<NexusDbContext> Factory { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;

    protected Guid TenantId { get; private set; }
    protected IReadOnlyList<StoreChoice> Stores { get; private set; } = [];
    protected IReadOnlyList<CurrencyCount> Currencies { get; private set; } = [];

    /// <summary>0 = all stores.</summary>
    protected int StoreId { get; private set; }
    protected string? Currency { get; private set; }

    /// <summary>True once stores and currencies are known.</summary>
    protected bool ScopeLoaded { get; private set; }

    /// <summary>Null when the tenant has no revenue orders (the page shows its empty state).</summary>
    protected AnalyticsScope? Scope => Currency is null ? null : AnalyticsScope.AsOfToday(TenantId, StoreId == 0 ? null : StoreId, Currency, Clock);

    protected override async Task OnInitializedAsync()
    {
        TenantId = await Tenant.GetTenantIdAsync() ?? Guid.Empty;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            db.TenantId = TenantId;
            Stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => new StoreChoice(s.Id, s.Name)).ToListAsync();
        }
        await LoadCurrenciesAsync();
        // Prerendering only sends the page's frame (title, picker, progress bar): the figures are computed once, on
        // the circuit. Computing them while prerendering held the first byte of the page for the whole RFM or CLV
        // fit (seconds on a big store, over 30 s on a busy machine) and then computed everything a second time.
        if (!RendererInfo.IsInteractive) return;
        ScopeLoaded = true;
        await LoadAsync();
    }

    protected async Task OnStoreChangedAsync(int storeId)
    {
        StoreId = storeId;
        await LoadCurrenciesAsync();
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
