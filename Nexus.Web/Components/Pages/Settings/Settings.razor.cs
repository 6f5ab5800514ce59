using Microsoft.AspNetCore.Components;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Components.Pages.Settings;

public partial class Settings
{
    private Guid? _tenantId;

    [Inject] private TenantDbContextFactory Tenant { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _tenantId = await Tenant.GetTenantIdAsync();
}
