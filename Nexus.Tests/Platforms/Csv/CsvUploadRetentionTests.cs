using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Sync;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>Uploaded exports hold personal data: an imported file is deleted at once, any other after the retention period.</summary>
public sealed class CsvUploadRetentionTests : IAsyncLifetime
{
    private CsvImportHarness _h = null!;

    public async Task InitializeAsync() => _h = await CsvImportHarness.CreateAsync(pageSize: 1);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static byte[] Customers => CsvImportHarness.Fixture("shopify_customers_export.csv");

    private static byte[] NeedsMapping => CsvImportHarness.Text("Ticket;When;Amount\r\nT1;2024-01-01;9,50\r\n");

    [Fact]
    public async Task A_successfully_imported_file_is_deleted_from_disk_and_its_records_stay()
    {
        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", Customers);

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(2, result.Counts.Stored);
        Assert.Empty(await _h.Uploads.ListAsync(_h.TenantId, _h.StoreId));
        Assert.Empty(Directory.EnumerateFiles(_h.UploadFolder, "*.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_whose_import_failed_is_kept_so_it_can_be_mapped_and_imported_again()
    {
        var upload = await _h.UploadAsync(CsvImportEntity.Orders, "pos.csv", NeedsMapping);
        var result = await _h.Importer.ImportAsync(_h.TenantId, _h.StoreId, upload.Id);

        Assert.Equal(SyncRunStatus.Failed, result.Run.Status);
        Assert.Equal([upload.Id], (await _h.Uploads.ListAsync(_h.TenantId, _h.StoreId)).Select(u => u.Id));
        await _h.Uploads.PreviewAsync(_h.TenantId, _h.StoreId, upload.Id); // the mapping screen can still read it
    }

    [Fact]
    public async Task Files_older_than_the_retention_period_are_deleted_on_the_next_upload_and_younger_ones_kept()
    {
        var old = await _h.UploadAsync(CsvImportEntity.Orders, "january.csv", NeedsMapping);
        _h.Clock.Advance(TimeSpan.FromDays(6));
        var recent = await _h.UploadAsync(CsvImportEntity.Orders, "february.csv", NeedsMapping);
        Assert.Equal(2, (await _h.Uploads.ListAsync(_h.TenantId, _h.StoreId)).Count); // 6 days: both kept

        _h.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // january.csv is now past 7 days
        var newest = await _h.UploadAsync(CsvImportEntity.Orders, "march.csv", NeedsMapping);

        Assert.Equal([newest.Id, recent.Id], (await _h.Uploads.ListAsync(_h.TenantId, _h.StoreId)).Select(u => u.Id));
        Assert.Null(await _h.Uploads.FindAsync(_h.TenantId, _h.StoreId, old.Id));
        Assert.False(File.Exists(Path.Combine(_h.UploadFolder, _h.TenantId.ToString("N"), _h.StoreId.ToString(), old.Id + ".csv")));
    }

    [Fact]
    public async Task The_file_of_an_interrupted_import_outlives_the_retention_period_so_the_import_can_resume()
    {
        var upload = await _h.UploadAsync(CsvImportEntity.Customers, "customers_export.csv", Customers);
        using var stop = new CancellationTokenSource();
        var first = await _h.Importer.ImportAsync(_h.TenantId, _h.StoreId, upload.Id, sink: new CancelOnFetch(stop), cancellationToken: stop.Token);
        Assert.Equal(SyncRunStatus.Cancelled, first.Run.Status);

        _h.Clock.Advance(TimeSpan.FromDays(30));
        await _h.UploadAsync(CsvImportEntity.Orders, "other.csv", NeedsMapping);
        var resumed = await _h.Importer.ImportAsync(_h.TenantId, _h.StoreId, upload.Id);

        Assert.True(resumed.Succeeded, resumed.Run.Error);
        Assert.Equal(2, first.Counts.Stored + resumed.Counts.Stored);
    }

    [Fact]
    public async Task An_upload_can_be_deleted_by_its_merchant_only()
    {
        var upload = await _h.UploadAsync(CsvImportEntity.Customers, "customers_export.csv", Customers);
        var (other, _) = await _h.AddOtherMerchantAsync();

        var refused = await Assert.ThrowsAsync<CsvUploadRejectedException>(() => _h.Uploads.DeleteAsync(other, _h.StoreId, upload.Id));
        Assert.Equal(CsvUploadStore.NotYourStore, refused.Reason);
        Assert.NotNull(await _h.Uploads.FindAsync(_h.TenantId, _h.StoreId, upload.Id));

        Assert.True(await _h.Uploads.DeleteAsync(_h.TenantId, _h.StoreId, upload.Id));
        Assert.False(await _h.Uploads.DeleteAsync(_h.TenantId, _h.StoreId, upload.Id));
        Assert.Empty(await _h.Uploads.ListAsync(_h.TenantId, _h.StoreId));
    }

    private sealed class CancelOnFetch(CancellationTokenSource stop) : ISyncProgressSink
    {
        public ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken)
        {
            if (progress is { Phase: SyncPhase.Fetching, Entity: Core.Platforms.SyncEntity.Customers }) stop.Cancel();
            return ValueTask.CompletedTask;
        }
    }
}
