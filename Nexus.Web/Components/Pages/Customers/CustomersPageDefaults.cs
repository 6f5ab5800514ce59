using Nexus.Core.Analytics.Metrics;

namespace Nexus.Web.Components.Pages.Customers;

/// <summary>The Customers page's view when the URL names none; the CSV export reads its link with the same defaults.</summary>
public static class CustomersPageDefaults
{
    /// <summary>The last 365 days: RFM needs a year of history for frequency and recency to separate customers.</summary>
    public static ReportSelection Selection { get; } = ReportSelection.Default with { Range = ReportRange.Last365Days, Compare = Comparison.None };
}
