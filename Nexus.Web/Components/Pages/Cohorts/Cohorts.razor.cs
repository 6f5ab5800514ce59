using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Metrics;
using Nexus.Web.Analytics;

namespace Nexus.Web.Components.Pages.Cohorts;

public partial class Cohorts : AnalyticsPage
{
    /// <summary>Each month is one range query; three years of cohorts is as far as the heatmap stays readable.</summary>
    private const int MaxMonths = 36;
    private CohortReport? _report;
    private ReportingPeriod? _period;

    [Inject] private CohortQuery Query { get; set; } = default!;
    [Inject] private OverviewQuery Overview { get; set; } = default!;

    /// <summary>The last 365 days by default: about a year of monthly cohorts, as before the date range existed.</summary>
    protected override ReportSelection? DefaultSelection => ReportSelection.Default with { Range = ReportRange.Last365Days, Compare = Comparison.None };

    protected override async Task LoadAsync()
    {
        (_report, _period) = (null, null);
        if (Scope is not { } scope) return;
        _period = await Overview.PeriodAsync(scope, Selection, Clock);
        // Cohorts are the calendar months the chosen days touch. Orders before them still count (a customer's first
        // order decides the cohort), so the scope ends with the period but does not start with it.
        var (first, last) = (_period.FirstDay, _period.LastDay);
        var months = Math.Min(MaxMonths, (last.Year - first.Year) * 12 + last.Month - first.Month + 1);
        _report = await Query.RunAsync(scope with { Through = last }, last, months);
    }
}
