using System.Globalization;
using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Currency;
using Nexus.Web.Analytics;

namespace Nexus.Web.Components.Pages.Overview;

public partial class Overview : AnalyticsPage
{
    private static readonly int[] PeriodChoices = [7, 30, 90, 365];
    private int _days = 30;
    private OverviewReport? _report;

    [Inject] private OverviewQuery Query { get; set; } = default!;
    [Inject] private ReportingCurrencies ReportingCurrencies { get; set; } = default!;
    [Inject] private ProductCatalogue ProductCatalogue { get; set; } = default!;

    /// <summary>Null until the scope's products have been analysed.</summary>
    private ProductMovers? _movers;

    /// <summary>All stores: every order counts, converted into the reporting currency; one store: its own currency.</summary>
    private bool Converted => StoreId == 0;

    /// <summary>The currency the figures are in.</summary>
    private string? ShownCurrency => _report?.Scope.Currency ?? Currency;

    protected override async Task LoadAsync()
    {
        _report = null;
        if (Scope is not { } scope) return;
        var products = await ProductCatalogue.LoadAsync(TenantId, StoreId == 0 ? null : StoreId);
        _movers = products.State is ProductListState.NotComputed or ProductListState.Computing or ProductListState.Failed ? null : ProductMovers.Of(products.Rows);
        if (Converted) scope = scope with { Currency = await ReportingCurrencies.GetAsync(TenantId), Converted = true };
        // Periods end on the latest order's day, not today: a store synced last month still shows its last 30 days.
        var lastDay = await Query.LatestOrderDayAsync(scope);
        if (lastDay is null) return;
        _report = await Query.RunAsync(scope, ReportingPeriod.EndingOn(lastDay.Value, _days));
    }

    private async Task OnPeriodChangedAsync(int days)
    {
        _days = days;
        await LoadAsync();
    }

    private static string PeriodLabel(ReportingPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{period.Start:yyyy-MM-dd} – {period.End.AddDays(-1):yyyy-MM-dd}");
}
