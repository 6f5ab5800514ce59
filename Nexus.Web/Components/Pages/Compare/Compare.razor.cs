using System.Globalization;
using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Metrics;
using Nexus.Web.Analytics;

namespace Nexus.Web.Components.Pages.Compare;

/// <summary>Every store and platform of the merchant side by side (<see cref="StoreComparisonQuery"/>); one period for all.</summary>
public partial class Compare : AnalyticsPage
{
    private StoreComparison? _comparison;

    [Inject] private StoreComparisonQuery Query { get; set; } = default!;

    /// <summary>The Overview's default days; nothing to compare with in time (the stores are compared with each other).</summary>
    protected override ReportSelection? DefaultSelection => ReportSelection.Default with { Compare = Comparison.None };

    protected override async Task LoadAsync()
    {
        _comparison = null;
        if (Stores.Count < 2 || Scope is null) return;
        _comparison = await Query.RunAsync(TenantId, Selection, Clock);
    }

    private string EmptyMessage => Stores.Count == 0
        ? "Connect two or more stores and their figures appear here side by side."
        : $"You have one store ({Stores[0].Name}). Connect another one to compare them; until then the Overview shows this store's figures.";

    private string PeriodCaption => _comparison is null ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{_comparison.Period.FirstDay:yyyy-MM-dd} – {_comparison.Period.LastDay:yyyy-MM-dd}, all figures in {_comparison.Currency}");
}
