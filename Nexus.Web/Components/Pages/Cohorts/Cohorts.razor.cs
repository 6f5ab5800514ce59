using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Metrics;
using Nexus.Web.Analytics;

namespace Nexus.Web.Components.Pages.Cohorts;

public partial class Cohorts : AnalyticsPage
{
    private const int Months = 12;
    private CohortReport? _report;

    [Inject] private CohortQuery Query { get; set; } = default!;
    [Inject] private OverviewQuery Overview { get; set; } = default!;

    protected override async Task LoadAsync()
    {
        _report = null;
        if (Scope is not { } scope) return;
        var lastDay = await Overview.LatestOrderDayAsync(scope);
        if (lastDay is null) return;
        _report = await Query.RunAsync(scope, lastDay.Value, Months);
    }
}
