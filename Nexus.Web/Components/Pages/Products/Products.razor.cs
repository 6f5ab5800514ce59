using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Web.Api;
using Nexus.Web.Products;

namespace Nexus.Web.Components.Pages.Products;

/// <summary>
/// The Products page reads the cached analysis of the chosen store (or every store's, side by side) that the product
/// job computes after each sync, and checks back every few seconds while one is being computed.
/// </summary>
public partial class Products
{
    [Inject] private ProductCatalogue Catalogue { get; set; } = default!;
    [Inject] private ProductCache Cache { get; set; } = default!;
    [Inject] private IBackgroundJobClient Jobs { get; set; } = default!;
    [Inject] private ProductForecastReconciler Reconciler { get; set; } = default!;

    private ProductCatalogueView? _view;

    /// <summary>
    /// One store's products' forecasts beside its store forecast: the chosen store, or the only one under "All stores";
    /// none for several stores together (each store's products are analysed in its own currency).
    /// </summary>
    private ProductForecastReconciliation? _reconciliation;
    private ProductFilter _filter = ProductFilter.None;
    private (ProductSort Sort, bool Descending) _sort = (ProductSort.Revenue, true);
    private Timer? _poll;

    private string CsvHref => ProductEndpoints.CsvHref(StoreId, _filter, _sort.Sort, _sort.Descending);

    private static string TooLittleHistoryMessage =>
        $"A product gets a forecast once it has {ProductForecaster.MinimumHistoryDays(ProductInsights.ShortHorizon)} days since its first sale and " +
        $"{ProductForecaster.MinimumSellingDays} days with sales; none has that yet. Units, revenue and classes below are already counted.";

    private string Caption
    {
        get
        {
            var asOf = _view!.Rows.Select(r => r.AsOf).DefaultIfEmpty().Min();
            return string.Create(CultureInfo.InvariantCulture,
                $"Sales through {asOf:yyyy-MM-dd}; units, revenue, refunds and classes over the last {ProductAnalysis.ClassificationDays} days. ") +
                "Next 30/90 days: expected units with the 80 % interval. Rising or declining only when the last 30 days lie outside that interval. " +
                "Refunds are an order's refund shared over its lines by value. Margin: revenue less partial refunds less units × the store's cost price (— where it holds none). ABC: share of revenue (A = top 80 %); XYZ: weekly variability (X steady, Z erratic)." +
                (StoreId == 0 ? " With all stores, each store's products are classed within that store." : "") +
                (_view.Refreshing ? " A fresh analysis is running." : "");
        }
    }

    protected override async Task LoadAsync()
    {
        _view = await Catalogue.LoadAsync(TenantId, StoreId == 0 ? null : StoreId);
        var store = StoreId != 0 ? StoreId : Stores.Count == 1 ? Stores[0].Id : (int?)null;
        _reconciliation = store is not { } id || _view.State != ProductListState.Ready ? null : await Reconciler.LoadAsync(TenantId, id);
        SchedulePoll();
    }

    private void OnFilterChanged(ProductFilter filter) => _filter = filter;

    private void OnSortChanged((ProductSort Sort, bool Descending) sort) => _sort = sort;

    private async Task ComputeNowAsync()
    {
        foreach (var store in StoreId == 0 ? Stores.Select(s => s.Id) : [StoreId])
        {
            await Cache.MarkComputingAsync(TenantId, store);
            Jobs.Enqueue<ProductRefreshJob>(j => j.RunAsync(store, CancellationToken.None));
        }
        await LoadAsync();
    }

    private void SchedulePoll()
    {
        _poll?.Dispose();
        _poll = null;
        // Poll while an analysis runs and while there is none yet: the job a sync queues marks the cache only when it
        // starts, so a page opened right after a sync would otherwise never see it land.
        if (_view is { State: not ProductListState.NotComputed, Refreshing: false }) return;
        _poll = new Timer(_ => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _poll?.Dispose();
}
