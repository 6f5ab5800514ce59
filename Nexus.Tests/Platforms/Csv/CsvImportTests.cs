using System.Text;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Sync;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>Uploaded files imported into a CSV store through the sync engine: counts, idempotency, quarantine, tenant walls.</summary>
public sealed class CsvImportTests : IAsyncLifetime
{
    private CsvImportHarness _h = null!;

    public async Task InitializeAsync() => _h = await CsvImportHarness.CreateAsync(pageSize: 1);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_Shopify_orders_export_is_imported_as_one_order_per_name_across_pages_and_a_second_import_changes_nothing()
    {
        var first = await _h.UploadAndImportAsync(CsvImportEntity.Orders, "orders_export.csv", CsvImportHarness.Fixture("shopify_orders_export.csv"));

        Assert.True(first.Succeeded, first.Run.Error);
        Assert.Equal(new CsvImportSummary(3, 0, 0, 0), first.Counts);
        await using (var db = _h.Db.ForTenant())
        {
            Assert.Equal(["#1001", "#1002", "#1003"], await db.Orders.Select(o => o.PlatformId).OrderBy(n => n).ToListAsync());
            Assert.Equal(5, await db.OrderLines.CountAsync());
        }

        var again = await _h.UploadAndImportAsync(CsvImportEntity.Orders, "orders_export.csv", CsvImportHarness.Fixture("shopify_orders_export.csv"));
        Assert.True(again.Succeeded, again.Run.Error);
        Assert.Equal(new CsvImportSummary(0, 0, 3, 0), again.Counts);
    }

    [Fact]
    public async Task An_edited_file_updates_exactly_the_edited_record()
    {
        var original = Encoding.UTF8.GetString(CsvImportHarness.Fixture("shopify_customers_export.csv"));
        await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", CsvImportHarness.Text(original));

        var edited = original.Replace("+49 89 1234567", "+49 89 7654321", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", CsvImportHarness.Text(edited));

        Assert.Equal(new CsvImportSummary(0, 1, 1, 0), result.Counts);
    }

    [Fact]
    public async Task A_truncated_last_line_loses_nothing_before_it_and_is_quarantined_with_its_line_number_and_text()
    {
        var complete = Encoding.UTF8.GetString(CsvImportHarness.Fixture("shopify_customers_export.csv")).TrimEnd('\r', '\n');
        var halfWritten = complete + "\r\nAna,Lima,ana@example.com,yes,\"Rua das Flo";

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", CsvImportHarness.Text(halfWritten));

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(new CsvImportSummary(2, 0, 0, 1), result.Counts);
        var quarantined = Assert.Single(await _h.QuarantineAsync());
        Assert.Equal("customer", quarantined.Entity);
        Assert.StartsWith("Ana,Lima,ana@example.com", quarantined.RawPayload, StringComparison.Ordinal);
        Assert.Contains("Line 4", quarantined.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_is_refused_at_upload_and_nothing_is_kept()
    {
        var pdf = CsvImportHarness.Text("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

        var refused = await Assert.ThrowsAsync<CsvUploadRejectedException>(() => _h.UploadAsync(CsvImportEntity.Orders, "orders.csv", pdf));

        Assert.Equal(CsvProblems.Pdf, refused.Reason);
        Assert.Empty(await _h.Uploads.ListAsync(_h.TenantId, _h.StoreId));
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_and_not_kept()
    {
        await using var small = await CsvImportHarness.CreateAsync(maxUploadBytes: 100);

        var refused = await Assert.ThrowsAsync<CsvUploadRejectedException>(() =>
            small.UploadAsync(CsvImportEntity.Orders, "orders.csv", CsvImportHarness.Fixture("shopify_orders_export.csv")));

        Assert.Equal(CsvUploadStore.TooLarge, refused.Reason);
        Assert.Empty(await small.Uploads.ListAsync(small.TenantId, small.StoreId));
    }

    [Fact]
    public async Task An_unrecognised_layout_without_a_mapping_fails_the_import_in_plain_words_and_stores_nothing()
    {
        var result = await _h.UploadAndImportAsync(CsvImportEntity.Orders, "pos.csv", CsvImportHarness.Text("Ticket;When;Amount\r\nT1;2024-01-01;9,50\r\n"));

        Assert.Equal(SyncRunStatus.Failed, result.Run.Status);
        Assert.True(result.Run.ErrorNeedsMerchant);
        Assert.Contains("does not recognise the columns", result.Run.Error, StringComparison.Ordinal);
        await using var db = _h.Db.ForTenant();
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task Another_merchant_can_neither_upload_into_nor_read_nor_import_a_stores_files()
    {
        var upload = await _h.UploadAsync(CsvImportEntity.Customers, "customers_export.csv", CsvImportHarness.Fixture("shopify_customers_export.csv"));
        var (other, otherStore) = await _h.AddOtherMerchantAsync();

        var write = await Assert.ThrowsAsync<CsvUploadRejectedException>(() =>
            _h.Uploads.SaveAsync(other, _h.StoreId, CsvImportEntity.Customers, "x.csv", new MemoryStream(CsvImportHarness.Fixture("shopify_customers_export.csv"))));
        var list = await Assert.ThrowsAsync<CsvUploadRejectedException>(() => _h.Uploads.ListAsync(other, _h.StoreId));
        var import = await Assert.ThrowsAsync<CsvUploadRejectedException>(() => _h.Importer.ImportAsync(other, _h.StoreId, upload.Id));
        // Their own store does not know our upload id either.
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _h.Importer.ImportAsync(other, otherStore, upload.Id));

        Assert.All(new[] { write, list, import }, e => Assert.Equal(CsvUploadStore.NotYourStore, e.Reason));
        Assert.Equal([upload.Id], (await _h.Uploads.ListAsync(_h.TenantId, _h.StoreId)).Select(u => u.Id));
        await using var db = _h.Db.CreateDbContext();
        Assert.Equal(0, await db.Customers.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task A_cancelled_import_resumes_after_its_last_written_page_when_the_file_is_imported_again()
    {
        var upload = await _h.UploadAsync(CsvImportEntity.Orders, "orders_export.csv", CsvImportHarness.Fixture("shopify_orders_export.csv"));
        using var stop = new CancellationTokenSource();
        var first = await _h.Importer.ImportAsync(_h.TenantId, _h.StoreId, upload.Id, sink: new CancelAfterFirstOrdersPage(stop), cancellationToken: stop.Token);
        Assert.Equal(SyncRunStatus.Cancelled, first.Run.Status);
        Assert.Equal(1, first.Counts.Stored);

        var resumed = await _h.Importer.ImportAsync(_h.TenantId, _h.StoreId, upload.Id);

        // Pages of one order: the resumed run reads only the two orders after the checkpoint, none twice.
        Assert.True(resumed.Succeeded, resumed.Run.Error);
        Assert.Equal(new CsvImportSummary(2, 0, 0, 0), resumed.Counts);
        await using var db = _h.Db.ForTenant();
        Assert.Equal(3, await db.Orders.CountAsync());
    }

    private sealed class CancelAfterFirstOrdersPage(CancellationTokenSource stop) : ISyncProgressSink
    {
        public ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken)
        {
            if (progress is { Phase: SyncPhase.Fetching, Entity: Core.Platforms.SyncEntity.Orders }) stop.Cancel();
            return ValueTask.CompletedTask;
        }
    }
}
