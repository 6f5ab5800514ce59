using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Scoring;
using Nexus.Web.Quality;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Components.Pages.Quality;

public partial class Quality : IDisposable
{
    /// <summary>How often the page asks whether its re-validation job has finished.</summary>
    public static readonly TimeSpan RevalidationPollInterval = TimeSpan.FromSeconds(1);

    public const int QuarantinePageSize = 20;

    private List<(int Id, string Name)>? _stores;
    private Dictionary<int, string> _storeNames = [];
    private QualityReport? _report;
    private QuarantinePage? _quarantine;
    private bool _revalidating;
    private readonly CancellationTokenSource _disposed = new();
    private Guid _tenantId;

    /// <summary>The store to show; null shows all the merchant's stores.</summary>
    [SupplyParameterFromQuery(Name = "store")] public int? Store { get; set; }

    [Inject] private TenantDbContextFactory Tenant { get; set; } = default!;
    [Inject] private QualityReportQuery Reports { get; set; } = default!;
    [Inject] private RevalidationJobs Revalidations { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string CsvHref => QualityEndpoints.FailuresCsvUrl(Store);

    protected override async Task OnInitializedAsync()
    {
        _tenantId = await Tenant.GetTenantIdAsync() ?? Guid.Empty;
        await using var db = await Tenant.CreateAsync();
        _stores = (await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync()).Select(s => (s.Id, s.Name)).ToList();
        _storeNames = _stores.ToDictionary(s => s.Id, s => s.Name);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Store is { } id && !_storeNames.ContainsKey(id)) Store = null; // not this merchant's store: show all of theirs
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_stores is not { Count: > 0 }) return;
        _report = Store is { } id ? await Reports.StoreAsync(_tenantId, id) : await Reports.AllStoresAsync(_tenantId);
        await LoadQuarantineAsync(1);
    }

    private async Task LoadQuarantineAsync(int page) => _quarantine = await Reports.QuarantineAsync(_tenantId, Store, page, QuarantinePageSize);

    private Task SelectStoreAsync(int? storeId)
    {
        Navigation.NavigateTo(storeId is { } id ? $"quality?store={id}" : "quality");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues the re-validation as a job and waits for it here without holding it: leaving the page abandons the wait,
    /// not the work, and the grade is current the next time the page opens.
    /// </summary>
    private async Task RevalidateAsync()
    {
        if (Store is not { } id) return;
        _revalidating = true;
        try
        {
            var jobId = await Revalidations.StartAsync(_tenantId, id, _disposed.Token);
            var progress = Revalidations.Check(jobId);
            while (!progress.Finished)
            {
                await Task.Delay(RevalidationPollInterval, Clock, _disposed.Token);
                progress = Revalidations.Check(jobId);
            }
            if (progress.Summary is { } summary)
                Snackbar.Add($"Re-validated {summary.Checked:N0} records: grade {summary.Grade} ({summary.Score:F1}).", Severity.Success);
            else
                Snackbar.Add(progress.Failure ?? "The store was removed before it could be re-validated.", Severity.Warning);
            await LoadAsync();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return; // the merchant left the page; the job carries on
        }
        finally
        {
            _revalidating = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
