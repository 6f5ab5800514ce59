using Microsoft.AspNetCore.Components;
using MudBlazor;
using Nexus.Core.Platforms;
using Nexus.Core.Stores;
using Nexus.Web.Stores;

namespace Nexus.Web.Components.Pages.Stores;

/// <summary>
/// Register a store (platform → address → the platform's credential fields → Test connection → save) or edit one.
/// Save needs a passing test of exactly the address and credentials being saved; an edit that keeps both needs none,
/// and an edit can test with the stored credentials without retyping them (they never reach the browser).
/// </summary>
public partial class StoreEditorDialog
{
    private string _platform = "woocommerce";
    private string _name = "";
    private string _url = "";
    private Dictionary<string, string> _credentials = [];
    private string _cron = ConnectedStore.DefaultSyncCron;
    private bool _paused;
    private int _budget = 300;
    private bool _testing;
    private ConnectionTestResult? _test;
    private string? _tested;
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
        else if (Management.Platform(_platform) is null && Management.Platforms.FirstOrDefault() is { } first)
        {
            ChoosePlatform(first.Id);
        }
        else
        {
            _budget = Platform?.DefaultRequestsPerMinute ?? _budget;
        }
    }

    private PlatformDescriptor? Platform => Management.Platform(_platform);

    /// <summary>The credential fields the merchant typed (an edit keeps the others as stored).</summary>
    private Dictionary<string, string> Typed => _credentials.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim());

    private bool AllFieldsTyped => Platform is { } p && p.Credentials.All(f => !f.Required || !string.IsNullOrWhiteSpace(_credentials.GetValueOrDefault(f.Name)));

    /// <summary>What the connection depends on, as the form holds it now.</summary>
    private string FormConnection => string.Join("\n", [_platform, _url.Trim(), .. Typed.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")]);

    private bool TestMatchesForm => _tested == FormConnection;

    /// <summary>A new store always; an edit when its address or credentials change.</summary>
    private bool NeedsTest => !Uploaded && (Existing is null || Typed.Count > 0 || _url.Trim().TrimEnd('/') != Existing.Store.BaseUrl);

    /// <summary>A store fed by uploaded files: no address, nothing to connect to or test.</summary>
    private bool Uploaded => Platform?.FedByUploads == true;

    private bool CanTest => !string.IsNullOrWhiteSpace(_url) && (Existing is not null || AllFieldsTyped);

    private bool CanSave => !string.IsNullOrWhiteSpace(_name) && (Uploaded || !string.IsNullOrWhiteSpace(_url))
                            && (!NeedsTest || _test is { Ok: true } && TestMatchesForm);

    private void ChoosePlatform(string platform)
    {
        (_platform, _credentials, _test, _tested) = (platform, [], null, null);
        _budget = Platform?.DefaultRequestsPerMinute ?? _budget;
    }

    /// <summary>Re-renders so Test and Save follow the fields as they are typed.</summary>
    private void CredentialsChanged()
    {
    }

    private async Task TestAsync()
    {
        (_testing, _test, _error) = (true, null, null);
        var testing = FormConnection;
        _test = Existing is null
            ? await Management.TestConnectionAsync(_platform, _url.Trim(), new StoreCredentials(Typed))
            : await Management.TestStoredConnectionAsync(TenantId, Existing.Store.Id, _url.Trim(), Typed);
        _tested = _test.Ok ? testing : null;
        _testing = false;
        if (_test.Ok && string.IsNullOrWhiteSpace(_name)) _name = _test.StoreName ?? "";
    }

    private async Task SaveAsync()
    {
        _error = null;
        if (!CanSave) return; // the button is disabled; a stale click must not save untested values
        try
        {
            if (Existing is null)
            {
                await Management.AddAsync(TenantId, new NewStore(_name, _platform, Uploaded ? "" : _url.Trim(), new StoreCredentials(Typed), _budget, WithoutAddress: Uploaded));
            }
            else
            {
                await Management.UpdateAsync(TenantId, Existing.Store.Id, _name, _url.Trim(), _cron.Trim(), _paused, _budget, Typed);
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
