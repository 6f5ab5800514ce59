using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Metrics;
using Nexus.Web.Analytics;

namespace Nexus.Web.Components.Pages.Lifetime;

public partial class Lifetime : AnalyticsPage
{
    private LifetimeResult? _result;
    private string _progress = "Preparing…";

    [Inject] private CustomerAnalytics Analytics { get; set; } = default!;

    protected override async Task LoadAsync()
    {
        _result = null;
        if (Scope is not { } scope) return;
        var progress = new Progress<string>(text => InvokeAsync(() => { _progress = text; StateHasChanged(); }));
        _result = await Analytics.LifetimeAsync(scope, progress);
    }
}
