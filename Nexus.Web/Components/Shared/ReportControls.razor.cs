using Microsoft.AspNetCore.Components;
using MudBlazor;
using Nexus.Core.Analytics.Metrics;

namespace Nexus.Web.Components.Shared;

/// <summary>
/// Edits a <see cref="ReportSelection"/>: every change raises <see cref="SelectionChanged"/> with the whole new selection
/// (the page puts it in the URL and reloads). Picking two days makes the range custom; picking a preset shows its days.
/// </summary>
public partial class ReportControls
{
    [Parameter, EditorRequired] public ReportSelection Selection { get; set; } = ReportSelection.Default;
    [Parameter] public EventCallback<ReportSelection> SelectionChanged { get; set; }

    /// <summary>The days the selection resolved to (what the date picker shows); null while unknown.</summary>
    [Parameter] public ReportingPeriod? Period { get; set; }

    [Parameter] public ReportFilterOptions Options { get; set; } = ReportFilterOptions.None;

    /// <summary>Offer "compare with" (pages that show no comparison leave it out).</summary>
    [Parameter] public bool ShowComparison { get; set; } = true;

    /// <summary>Offer the new / returning customers filter.</summary>
    [Parameter] public bool ShowCustomerFilter { get; set; } = true;

    private DateRange? _dates;

    protected override void OnParametersSet() =>
        _dates = Period is { } p ? new DateRange(p.FirstDay.ToDateTime(TimeOnly.MinValue), p.LastDay.ToDateTime(TimeOnly.MinValue)) : null;

    private Task OnRangeChangedAsync(ReportRange range) =>
        // "Custom" starts from the days shown now, so the picker has a range to adjust.
        SelectionChanged.InvokeAsync(range == ReportRange.Custom && Period is { } p
            ? Selection with { Range = range, From = p.FirstDay, To = p.LastDay }
            : Selection with { Range = range, From = null, To = null });

    private Task OnDatesChangedAsync(DateRange? dates)
    {
        // The picker reports a half-chosen range (start only) too; only a complete one changes the report.
        if (dates?.Start is not { } start || dates.End is not { } end) return Task.CompletedTask;
        var (from, to) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        // The picker also reports the days it was given (a preset's): those are no new choice, and must not turn the preset into a custom range.
        if (Period is { } shown && shown.FirstDay == from && shown.LastDay == to) return Task.CompletedTask;
        return SelectionChanged.InvokeAsync(Selection with { Range = ReportRange.Custom, From = from <= to ? from : to, To = from <= to ? to : from });
    }

    private Task OnCompareChangedAsync(Comparison compare) => SelectionChanged.InvokeAsync(Selection with { Compare = compare });

    private Task OnPlatformChangedAsync(string platform) =>
        SelectionChanged.InvokeAsync(Selection with { Platform = string.IsNullOrEmpty(platform) ? null : platform });

    private Task OnCountryChangedAsync(string country) => SelectionChanged.InvokeAsync(Selection with { Country = ReportSelection.CountryCode(country) });

    private Task OnCustomersChangedAsync(CustomerFilter customers) => SelectionChanged.InvokeAsync(Selection with { Customers = customers });
}
