using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Rfm;
using Nexus.Web.Analytics;

namespace Nexus.Web.Components.Pages.Customers;

public partial class Customers : AnalyticsPage
{
    private RfmResult? _result;
    private string? _error;
    private string _progress = "Preparing…";
    private RfmSegment? _selected;

    [Inject] private CustomerAnalytics Analytics { get; set; } = default!;

    protected override async Task LoadAsync()
    {
        (_result, _error, _selected) = (null, null, null);
        if (Scope is not { } scope) return;
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

    private string CsvHref(RfmSegment segment) =>
        $"api/analytics/rfm/customers.csv?store={StoreId}&currency={Uri.EscapeDataString(Currency ?? "")}&segment={segment}";
}
