using Microsoft.AspNetCore.Components;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Web.Monitoring;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Components.Layout;

public partial class AlertBell
{
    private int _count;
    private IDisposable? _subscription;

    [Inject] private TenantDbContextFactory Tenant { get; set; } = default!;
    [Inject] private AlertService Alerts { get; set; } = default!;
    [Inject] private AlertFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (await Tenant.GetTenantIdAsync() is not { } tenantId) return;
        _count = await Alerts.CountUnacknowledgedAsync(tenantId);
        _subscription = Feed.Subscribe(tenantId, message => InvokeAsync(() =>
        {
            _count = message.UnacknowledgedOpen;
            StateHasChanged();
        }));
    }

    public void Dispose() => _subscription?.Dispose();
}
