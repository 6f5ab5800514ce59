using Microsoft.AspNetCore.Components;
using MudBlazor;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Web.Stores;
using Nexus.Web.Sync;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Components.Pages.Stores;

public partial class Stores
{
    private readonly Dictionary<int, SyncProgress> _live = [];
    private readonly List<IDisposable> _subscriptions = [];
    private List<StoreOverview>? _stores;
    private Guid _tenantId;

    [Inject] private TenantDbContextFactory Tenant { get; set; } = default!;
    [Inject] private StoreOverviewQuery Overview { get; set; } = default!;
    [Inject] private StoreManagement Management { get; set; } = default!;
    [Inject] private SyncScheduler Scheduler { get; set; } = default!;
    [Inject] private SyncProgressFeed Feed { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>Names the platforms Nexus can connect to (from the registry, so a new platform shows up here too).</summary>
    private string EmptyMessage => $"Connect your {string.Join(" or ", Management.Platforms.Where(p => !p.FedByUploads).Select(p => p.DisplayName).Order())} store to start syncing"
        + (Management.Platforms.Any(p => p.FedByUploads) ? ", or add a CSV files store to import exports" : "") + ". Click Add store.";

    protected override async Task OnInitializedAsync()
    {
        _tenantId = await Tenant.GetTenantIdAsync() ?? Guid.Empty;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _stores = (await Overview.ListAsync(_tenantId)).ToList();
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _subscriptions.Clear();
        foreach (var store in _stores)
        {
            _subscriptions.Add(Feed.Subscribe(store.Store.Id, OnProgressAsync));
            if (store.ActiveSyncJobId is not null && store.LastRun is { Status: SyncRunStatus.Running } run && !_live.ContainsKey(store.Store.Id))
            {
                // Opened (or reloaded) mid-sync: show where the run stands from its last checkpoint until live events arrive.
                _live[store.Store.Id] = new SyncProgress(run.Id, store.Store.Id, SyncPhase.Fetching, null, 0, 0, new EntityCounts(), run.Counts,
                    new Nexus.Core.Platforms.ConnectorStats(run.Requests, run.Retries, run.Throttled), Clock.GetUtcNow() - run.StartedAt, run.Status);
            }
        }
    }

    /// <summary>During a sync the card counts what the sync has stored so far, not the figures read before it began.</summary>
    private StoreOverview WithLiveCounts(StoreOverview store) =>
        _live.TryGetValue(store.Store.Id, out var live) && live.Phase != SyncPhase.Finished ? store.WithLiveCounts(live.AllCounts) : store;

    /// <summary>Live events decide once they arrive; before that (a page reload mid-sync) the database does.</summary>
    private bool IsSyncing(StoreOverview store) =>
        _live.TryGetValue(store.Store.Id, out var live) ? live.Phase != SyncPhase.Finished : store.ActiveSyncJobId is not null;

    private Task OnProgressAsync(SyncProgress progress) => InvokeAsync(async () =>
    {
        _live[progress.StoreId] = progress;
        if (progress.Phase == SyncPhase.Finished)
        {
            var updated = await Overview.GetAsync(_tenantId, progress.StoreId);
            var index = _stores?.FindIndex(s => s.Store.Id == progress.StoreId) ?? -1;
            if (updated is not null && index >= 0) _stores![index] = updated;
        }
        StateHasChanged();
    });

    private Task SyncNowAsync(StoreOverview store) => StartSyncAsync(store, SyncMode.Incremental);

    /// <summary>Everything fetched again from the first page: for a merchant who suspects the incremental window missed changes.</summary>
    private async Task FullResyncAsync(StoreOverview store)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Full re-sync",
            $"Fetch every customer, product and order of {store.Store.Name} again, not only what changed? Nothing is lost; unchanged records stay as they are. On a large store this takes longer than Sync now and uses more of its request budget.",
            yesText: "Start full re-sync", cancelText: "Cancel");
        if (confirmed == true) await StartSyncAsync(store, SyncMode.Full);
    }

    private async Task StartSyncAsync(StoreOverview store, SyncMode mode)
    {
        try
        {
            var request = await Scheduler.SyncNowAsync(_tenantId, store.Store.Id, mode);
            if (request.AlreadyRunning)
            {
                Snackbar.Add($"{store.Store.Name} is already syncing; showing that sync.", Severity.Info);
            }
            else
            {
                _live.Remove(store.Store.Id);
                Snackbar.Add(mode == SyncMode.Full ? $"Full re-sync of {store.Store.Name} started." : $"Sync of {store.Store.Name} started.", Severity.Success);
            }
            var index = _stores!.FindIndex(s => s.Store.Id == store.Store.Id);
            _stores[index] = store with { ActiveSyncJobId = request.JobId };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            Snackbar.Add($"Could not start the sync: {ex.Message}", Severity.Error);
        }
    }

    /// <summary>Starts the import job of an uploaded file; its progress arrives like a sync's.</summary>
    private async Task ImportAsync(StoreOverview store, FileImportRequest request)
    {
        try
        {
            var started = await Scheduler.ImportNowAsync(_tenantId, store.Store.Id, request.UploadId, request.ProductCurrency);
            if (started.AlreadyRunning)
            {
                Snackbar.Add($"{store.Store.Name} is busy with another import; try again when it has finished.", Severity.Warning);
                return;
            }
            _live.Remove(store.Store.Id);
            var index = _stores!.FindIndex(s => s.Store.Id == store.Store.Id);
            _stores[index] = store with { ActiveSyncJobId = started.JobId };
        }
        catch (KeyNotFoundException ex)
        {
            Snackbar.Add($"Could not start the import: {ex.Message}", Severity.Error);
        }
    }

    private async Task CancelAsync(StoreOverview store)
    {
        var cancelled = await Scheduler.CancelAsync(_tenantId, store.Store.Id);
        Snackbar.Add(cancelled ? "Cancelling: the sync stops after the page it is on. The next sync continues from there." : "There was no sync to cancel.", Severity.Info);
    }

    private async Task AddStoreAsync()
    {
        var dialog = await Dialogs.ShowAsync<StoreEditorDialog>("Add a store", new DialogParameters<StoreEditorDialog> { { d => d.TenantId, _tenantId } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(StoreOverview store)
    {
        var parameters = new DialogParameters<StoreEditorDialog> { { d => d.TenantId, _tenantId }, { d => d.Existing, store } };
        var dialog = await Dialogs.ShowAsync<StoreEditorDialog>($"Edit {store.Store.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(StoreOverview store)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete store?",
            $"This removes {store.Store.Name} and everything Nexus synced from it ({store.Orders:N0} orders, {store.Customers:N0} customers, {store.Products:N0} products). The store itself is not touched.",
            yesText: "Delete", cancelText: "Keep it");
        if (confirmed != true) return;
        await Management.DeleteAsync(_tenantId, store.Store.Id);
        Snackbar.Add($"{store.Store.Name} deleted.", Severity.Success);
        await ReloadAsync();
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}
