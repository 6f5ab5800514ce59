using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Nexus.Core.Accounts;
using Nexus.Core.Monitoring.Status;
using Nexus.Web.Jobs;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Components.Pages.Health;

public partial class Health
{
    private IReadOnlyList<StoreHealthRow>? _stores;
    private OpsHealthReport? _ops;
    private string? _opsError;
    private bool _isOps;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;
    [Inject] private TenantDbContextFactory Tenant { get; set; } = default!;
    [Inject] private StoreHealthQuery StoreHealth { get; set; } = default!;
    [Inject] private OpsHealthQuery OpsHealth { get; set; } = default!;
    [Inject] private IOptions<JobsOptions> Jobs { get; set; } = default!;
    [Inject] private ILogger<Health> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isOps = (await Authentication).User.IsInRole(NexusRoles.Ops);
        _stores = await Tenant.GetTenantIdAsync() is { } tenantId ? await StoreHealth.RunAsync(tenantId) : [];
        if (!_isOps) return;
        try
        {
            _ops = await OpsHealth.RunAsync(Jobs.Value.DatabaseFile);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "The Ops health figures could not be read");
            _opsError = "The job server's figures could not be read right now; /health/ready says which part is down.";
            _ops = new OpsHealthReport(new JobServerSnapshot([], [], 0, 0, 0), [], [], new StorageFootprint(0, 0, null, null, 0));
        }
    }
}
