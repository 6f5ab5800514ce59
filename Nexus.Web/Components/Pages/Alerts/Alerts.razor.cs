using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Nexus.Core.Accounts;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Web.Monitoring;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Components.Pages.Alerts;

public partial class Alerts : IDisposable
{
    public const int HistoryPageSize = 25;

    private IReadOnlyList<Alert>? _open;
    private AlertPage? _history;
    private Dictionary<int, string> _storeNames = [];
    private Guid _tenantId;
    private bool _isOps;
    private string _user = "";
    private IDisposable? _subscription;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;
    [Inject] private TenantDbContextFactory Tenant { get; set; } = default!;
    [Inject] private AlertService Service { get; set; } = default!;
    [Inject] private AlertFeed Feed { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _isOps = user.IsInRole(NexusRoles.Ops);
        _user = user.Identity?.Name ?? "";
        if (await Tenant.GetTenantIdAsync() is not { } tenantId) return;
        _tenantId = tenantId;
        await using (var db = await Tenant.CreateAsync())
        {
            _storeNames = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name);
        }
        await ReloadAsync();
        _subscription = Feed.Subscribe(tenantId, _ => InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        }));
    }

    private async Task ReloadAsync()
    {
        _open = await Service.ListOpenAsync(_tenantId);
        await LoadHistoryAsync(_history?.Page ?? 0);
    }

    private async Task LoadHistoryAsync(int page) => _history = await Service.HistoryAsync(_tenantId, page, HistoryPageSize);

    private async Task AcknowledgeAsync(Alert alert)
    {
        if (await Service.AcknowledgeAsync(_tenantId, alert.Id, _user))
        {
            Snackbar.Add("Acknowledged. The alert stays listed until the problem clears.", Severity.Info);
        }
        await ReloadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
