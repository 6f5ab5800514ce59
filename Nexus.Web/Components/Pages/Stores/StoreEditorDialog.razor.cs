using Microsoft.AspNetCore.Components;
using MudBlazor;
using Nexus.Core.Platforms;
using Nexus.Core.Stores;
using Nexus.Web.Stores;

namespace Nexus.Web.Components.Pages.Stores;

public partial class StoreEditorDialog
{
    private string _platform = "woocommerce";
    private string _name = "";
    private string _url = "";
    private string _key = "";
    private string _secret = "";
    private string _cron = ConnectedStore.DefaultSyncCron;
    private bool _paused;
    private int _budget = 300;
    private bool _testing;
    private ConnectionTestResult? _test;
    private string? _error;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private StoreManagement Management { get; set; } = default!;

    [Parameter] public Guid TenantId { get; set; }

    /// <summary>Null to register a new store.</summary>
    [Parameter] public StoreOverview? Existing { get; set; }

    protected override void OnInitialized()
    {
        if (Existing is { } existing)
        {
            (_platform, _name, _url, _cron, _paused, _budget) = (existing.Store.Platform, existing.Store.Name, existing.Store.BaseUrl, existing.SyncCron, existing.SchedulePaused, existing.RequestsPerMinute);
        }
    }

    private PlatformDescriptor? Platform => Management.Platforms.FirstOrDefault(p => p.Id == _platform);
    private string KeyLabel => Platform?.KeyLabel ?? "Key";
    private string SecretLabel => Platform?.SecretLabel ?? "Secret";
    private bool HasNewCredentials => !string.IsNullOrWhiteSpace(_key) && !string.IsNullOrWhiteSpace(_secret);
    private bool CanTest => !string.IsNullOrWhiteSpace(_url) && HasNewCredentials;

    /// <summary>A new store is saved only after a successful connection test; an edit without new credentials needs none.</summary>
    private bool CanSave => !string.IsNullOrWhiteSpace(_name) && !string.IsNullOrWhiteSpace(_url)
                            && (Existing is not null && !HasNewCredentials || _test is { Ok: true });

    private async Task TestAsync()
    {
        (_testing, _test, _error) = (true, null, null);
        _test = await Management.TestConnectionAsync(_platform, _url.Trim(), new StoreCredentials(_key.Trim(), _secret.Trim()));
        _testing = false;
        if (_test.Ok && string.IsNullOrWhiteSpace(_name)) _name = _test.StoreName ?? "";
    }

    private async Task SaveAsync()
    {
        _error = null;
        try
        {
            var credentials = HasNewCredentials ? new StoreCredentials(_key.Trim(), _secret.Trim()) : null;
            if (Existing is null)
            {
                await Management.AddAsync(TenantId, new NewStore(_name, _platform, _url.Trim(), credentials!, _budget));
            }
            else
            {
                await Management.UpdateAsync(TenantId, Existing.Store.Id, _name, _url.Trim(), _cron.Trim(), _paused, _budget, credentials);
            }
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException)
        {
            _error = ex.Message;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
