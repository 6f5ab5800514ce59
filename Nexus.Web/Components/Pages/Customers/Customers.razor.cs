using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Rfm;
using Nexus.Core.Exports;
using Nexus.Web.Analytics;
using Nexus.Web.Api;

namespace Nexus.Web.Components.Pages.Customers;


public partial class Customers : AnalyticsPage
{
    private RfmResult? _result;
    private string? _error;
    private string _progress = "Preparing…";
    private RfmSegment? _selected;

    private ReportingPeriod? _period;

    [Inject] private CustomerAnalytics Analytics { get; set; } = default!;
    [Inject] private OverviewQuery Overview { get; set; } = default!;

    /// <summary>A year by default: RFM needs enough history for frequency to mean something.</summary>
    protected override ReportSelection? DefaultSelection => CustomersPageDefaults.Selection;

    protected override async Task LoadAsync()
    {
        (_result, _error, _selected, _period) = (null, null, null, null);
        if (Scope is not { } scope) return;
        // Segments are scored on the orders of the chosen days only, as of their last day.
        _period = await Overview.PeriodAsync(scope, Selection, Clock);
        scope = scope.Within(_period);
        var progress = new Progress<string>(text => InvokeAsync(() => { _progress = text; StateHasChanged(); }));
        try
        {
            _result = await Analytics.RfmAsync(scope, progress);
        }
        catch (InsufficientDataException e)
        {
            _error = $"Not enough data for RFM yet: {e.Message}.";
        }
    }

    /// <summary>The export of one segment, for the same days and filters as the page.</summary>
    private string CsvHref(RfmSegment segment) =>
        $"api/analytics/rfm/customers.csv?{SegmentExportEndpoints.RfmQuery(StoreId, Currency, Selection)}&segment={segment}";

    /// <summary>How many contacts an e-mail tool export of <paramref name="segment"/> (null: all) holds and leaves out.</summary>
    private ContactCount ContactCount(RfmSegment? segment) => _result is null ? new ContactCount(0, 0) : SegmentContactExport.Count(_result, segment);

    /// <summary>The e-mail tool export of one segment (null: all), for the same store, currency, days and filters as the page.</summary>
    private string ExportHref(EmailTool tool, RfmSegment? segment) => SegmentExportEndpoints.Href(tool, StoreId, Currency, Selection, segment);
}
