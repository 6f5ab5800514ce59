using System.Globalization;
using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Currency;
using Nexus.Web.Analytics;

namespace Nexus.Web.Components.Pages.Overview;

public partial class Overview : AnalyticsPage
{
    private OverviewReport? _report;
    private bool _endsOnLatestOrder;

    [Inject] private OverviewQuery Query { get; set; } = default!;
    [Inject] private ReportingCurrencies ReportingCurrencies { get; set; } = default!;
    [Inject] private ProductCatalogue ProductCatalogue { get; set; } = default!;

    /// <summary>Null until the scope's products have been analysed.</summary>
    private ProductMovers? _movers;

    protected override ReportSelection? DefaultSelection => ReportSelection.Default;

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
        // Rolling periods end on the latest order's day when that is before today: a store synced last month still shows its last 30 days.
        // Filters that match no order give a report of zeros for the chosen days, not an empty page.
        var lastDay = await Query.LatestOrderDayAsync(scope);
        var period = Selection.Period(Clock, lastDay);
        _endsOnLatestOrder = period.LastDay == lastDay;
        _report = await Query.RunAsync(scope, period, Selection.Compare);
    }

    private string PeriodCaption
    {
        get
        {
            if (_report is null) return "";
            var caption = PeriodLabel(_report.Current.Period) + (_endsOnLatestOrder ? " (up to the latest synced order)" : "");
            return _report.Previous is { } before ? $"{caption} vs {PeriodLabel(before.Period)} ({ReportSelection.Label(_report.Comparison).ToLowerInvariant()})" : caption;
        }
    }

    /// <summary>One tile per KPI, in the order shown, with the comparison when there is one.</summary>
    private IReadOnlyList<KpiFigure> Kpis
    {
        get
        {
            if (_report is null) return [];
            var (now, before, currency) = (_report.Current, _report.Previous, ShownCurrency);
            // One person in several stores only exists when the report spans stores.
            KpiFigure[] allStores = _report.Scope.StoreId is null
                ? [KpiFigure.Amount("multistore", "Customers in more than one store", now, before, k => k.MultiStoreCustomers, v => Formats.Count((int)v))]
                : [];
            return
            [
                KpiFigure.Amount("revenue", "Revenue", now, before, k => k.Revenue, v => Formats.Money(v, currency)),
                KpiFigure.Amount("orders", "Orders", now, before, k => k.Orders, v => Formats.Count((int)v)),
                KpiFigure.Amount("aov", "Average order value", now, before, k => k.AverageOrderValue, v => Formats.Money(v, currency), zeroWhen: k => k.Orders == 0),
                KpiFigure.Amount("customers", "Customers", now, before, k => k.Customers, v => Formats.Count((int)v)),
                .. allStores,
                KpiFigure.Amount("new", "New / returning customers", now, before, k => k.NewCustomers, _ => "", text: k => $"{Formats.Count(k.NewCustomers)} / {Formats.Count(k.ReturningCustomers)}"),
                KpiFigure.Rate("repeat", "Repeat-purchase rate", now, before, k => k.RepeatPurchaseRate),
                KpiFigure.Rate("conversion", "Registered → buyer", now, before, k => k.RegisteredToBuyerConversion),
                KpiFigure.Rate("refunds", "Refund rate", now, before, k => k.RefundRate) with { LowerIsBetter = true },
            ];
        }
    }

    private static string PeriodLabel(ReportingPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{period.FirstDay:yyyy-MM-dd} – {period.LastDay:yyyy-MM-dd}");
}

/// <summary>A KPI tile's texts: the value, the comparison value (null when not compared) and the change between them.</summary>
internal sealed record KpiFigure(string Key, string Label, string Value, string? Previous, double? Change, bool PreviousWasZero, bool IsRate, bool LowerIsBetter = false)
{
    /// <summary>An amount or count: the change is relative (<see cref="OverviewReport.Change(decimal, decimal)"/>).</summary>
    public static KpiFigure Amount(string key, string label, PeriodKpis now, PeriodKpis? before, Func<PeriodKpis, decimal> value, Func<decimal, string> format,
        Func<PeriodKpis, bool>? zeroWhen = null, Func<PeriodKpis, string>? text = null)
    {
        var show = text ?? (k => format(value(k)));
        return new KpiFigure(key, label, show(now), before is null ? null : show(before),
            before is null ? null : OverviewReport.Change(value(now), value(before)),
            before is not null && (zeroWhen?.Invoke(before) ?? value(before) == 0), IsRate: false);
    }

    /// <summary>A rate: the change is in percentage points (<see cref="OverviewReport.PointChange"/>).</summary>
    public static KpiFigure Rate(string key, string label, PeriodKpis now, PeriodKpis? before, Func<PeriodKpis, double?> value) =>
        new(key, label, Formats.Percent(value(now)), before is null ? null : Formats.Percent(value(before)),
            before is null ? null : OverviewReport.PointChange(value(now), value(before)), PreviousWasZero: false, IsRate: true);
}
