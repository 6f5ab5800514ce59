using System.Text;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Stores;
using Nexus.Core.Sync;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>
/// Awkward files through the whole import (upload → CsvImporter → sync engine → database): each stores exactly the
/// readable records and quarantines the rest with its physical line number, and the merchant's summary says so.
/// Pages of two records so bad rows also fall across page boundaries.
/// </summary>
public sealed class CsvImportBadInputTests : IAsyncLifetime
{
    private const string CustomersHeader = "First Name,Last Name,Email,Total Spent,Total Orders,Note";
    private CsvImportHarness _h = null!;

    public async Task InitializeAsync() => _h = await CsvImportHarness.CreateAsync(pageSize: 2);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_file_with_a_BOM_CRLF_and_a_note_over_two_lines_stores_every_customer_and_counts_lines_physically()
    {
        var file = Utf8Bom(string.Join("\r\n",
            CustomersHeader,
            "Ana,Lima,ana@example.com,10.00,1,\"Ring twice.\r\nThanks\"", // lines 2-3
            "Ben,Okafor,ben@example.com,0.00,0,",
            "Cleo,Diaz,cleo@example.com",                               // line 5: ragged
            "Dev,Rao,dev@example.com,5.00,1,") + "\r\n");

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", file);

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(new CsvImportSummary(3, 0, 0, 1), result.Counts);
        Assert.Equal([("ana@example.com", "Ana"), ("ben@example.com", "Ben"), ("dev@example.com", "Dev")], await CustomersAsync());
        var bad = Assert.Single(await _h.QuarantineAsync());
        Assert.Equal("Cleo,Diaz,cleo@example.com", bad.RawPayload);
        Assert.Contains("Line 5: The row has 3 of the header's 6 columns", bad.Reasons, StringComparison.Ordinal);
        Assert.Equal([5L], result.QuarantineExamples.Select(e => e.LineNumber));
        var summary = result.Describe();
        Assert.Contains("Line 5: The row has 3 of the header's 6 columns", summary, StringComparison.Ordinal);
        Assert.Contains("Fix it in the file and upload it again", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    public async Task A_semicolon_or_tab_file_is_detected_and_a_comma_inside_a_value_stays_in_it(string delimiter)
    {
        var file = Utf8(string.Join("\n",
            string.Join(delimiter, CustomersHeader.Split(',')),
            string.Join(delimiter, "Zoë", "Müller, Jr.", "zoe@example.com", "83.01", "1", "Leave at the door, please"),
            string.Join(delimiter, "Ben", "Okafor", "ben@example.com", "0.00", "0", "")) + "\n");

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", file);

        Assert.Equal(new CsvImportSummary(2, 0, 0, 0), result.Counts);
        await using var db = _h.Db.ForTenant();
        var zoe = await db.Customers.SingleAsync(c => c.PlatformId == "zoe@example.com");
        Assert.Equal(("Zoë", "Müller, Jr."), (zoe.FirstName, zoe.LastName));
    }

    [Fact]
    public async Task A_Windows_1252_file_is_detected_and_its_accented_names_are_stored_as_written()
    {
        var file = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(
            CustomersHeader + "\r\nZoë,Müller,zoe@example.com,83.01,1,Café au lait\r\nJosé,Niño,jose@example.com,1.00,1,\r\n");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file)); // really not UTF-8

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", file);

        Assert.Equal(new CsvImportSummary(2, 0, 0, 0), result.Counts);
        await using var db = _h.Db.ForTenant();
        Assert.Equal(["Niño", "Müller"], await db.Customers.OrderBy(c => c.PlatformId).Select(c => c.LastName).ToListAsync());
        Assert.Equal("José", (await db.Customers.SingleAsync(c => c.PlatformId == "jose@example.com")).FirstName);
    }

    [Fact]
    public async Task Rows_with_too_few_or_too_many_columns_are_quarantined_with_their_lines_and_the_rows_around_them_stored()
    {
        var file = Utf8(string.Join("\n",
            CustomersHeader,
            "Ana,Lima,ana@example.com,10.00,1,",
            "Ben,Okafor,ben@example.com,0.00",                  // line 3: two columns short
            "Cleo,Diaz,cleo@example.com,1,234.50,2,VIP",        // line 4: an unquoted thousands comma
            "Dev,Rao,dev@example.com,5.00,1,") + "\n");

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", file);

        Assert.Equal(new CsvImportSummary(2, 0, 0, 2), result.Counts);
        Assert.Equal(["ana@example.com", "dev@example.com"], (await CustomersAsync()).Select(c => c.Email));
        var reasons = (await _h.QuarantineAsync()).Select(q => q.Reasons).ToList();
        Assert.Contains(reasons, r => r.Contains("Line 3: The row has 4 of the header's 6 columns", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("Line 4: The row has 7 columns but the header has 6 (a value probably contains an unquoted comma)", StringComparison.Ordinal));
        Assert.Contains("those 2 rows are in quarantine", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_and_a_blank_header_keep_every_column_use_the_first_Email_and_say_so_in_the_summary()
    {
        var file = Utf8("First Name,,Last Name,Email,Total Spent,Total Orders,Email\n" +
                        "Ana,x,Lima,ana@example.com,10.00,1,ana.old@example.com\n");

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", file);

        Assert.Equal(new CsvImportSummary(1, 0, 0, 0), result.Counts);
        Assert.Equal([("ana@example.com", "Ana")], await CustomersAsync());
        var summary = result.Describe();
        Assert.Contains("Header: Column 2 has no header; it is called \"Column 2\".", summary, StringComparison.Ordinal);
        Assert.Contains("Header: The header \"Email\" appears more than once; column 7 is called \"Email (2)\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_cell_of_only_spaces_is_missing_so_the_row_is_quarantined_instead_of_stored_with_an_empty_key()
    {
        var file = Utf8(CustomersHeader + "\nAna,Lima,ana@example.com,10.00,1,\nBen,Okafor,   ,0.00,0,\n");

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Customers, "customers_export.csv", file);

        Assert.Equal(new CsvImportSummary(1, 0, 0, 1), result.Counts);
        Assert.Equal(["ana@example.com"], (await CustomersAsync()).Select(c => c.Email));
        Assert.Contains("Line 3: Email is empty", Assert.Single(await _h.QuarantineAsync()).Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_with_a_date_in_an_unknown_format_is_quarantined_on_its_physical_line_and_the_others_stored()
    {
        // The first order's note spans two lines, so #1002 is on physical line 6 although it is the 5th record.
        var export = Encoding.UTF8.GetString(CsvImportHarness.Fixture("shopify_orders_export.csv"));
        var edited = export.Replace("2024-03-07 08:00:00 +0900", "07/03/2024 08:00", StringComparison.Ordinal);
        Assert.NotEqual(export, edited);

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Orders, "orders_export.csv", Utf8(edited));

        Assert.Equal(new CsvImportSummary(2, 0, 0, 1), result.Counts);
        Assert.Equal(["#1001", "#1003"], await OrderNumbersAsync());
        var bad = Assert.Single(await _h.QuarantineAsync());
        Assert.Equal("#1002", bad.PlatformId);
        Assert.Contains("Line 6: \"07/03/2024 08:00\" in column Created at is not a date Nexus recognises", bad.Reasons, StringComparison.Ordinal);
        Assert.Contains("map the column with its date format", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_orders_file_cut_off_in_its_last_line_stores_the_orders_before_it_and_quarantines_that_line()
    {
        var export = Encoding.UTF8.GetString(CsvImportHarness.Fixture("shopify_orders_export.csv")).TrimEnd('\r', '\n');
        var lastLine = export[(export.LastIndexOf('\n') + 1)..];
        Assert.StartsWith("#1003,", lastLine, StringComparison.Ordinal);
        var cut = export[..^(lastLine.Length / 2)];

        var result = await _h.UploadAndImportAsync(CsvImportEntity.Orders, "orders_export.csv", Utf8(cut));

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(new CsvImportSummary(2, 0, 0, 1), result.Counts);
        Assert.Equal(["#1001", "#1002"], await OrderNumbersAsync());
        var bad = Assert.Single(await _h.QuarantineAsync());
        Assert.Equal(lastLine[..(lastLine.Length - lastLine.Length / 2)], bad.RawPayload);
        Assert.Contains("Line 7: ", bad.Reasons, StringComparison.Ordinal);
        Assert.Contains("cut off", bad.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_run_is_labelled_with_its_file_in_the_stores_history()
    {
        var result = await _h.UploadAndImportAsync(CsvImportEntity.Orders, "orders_export (3).csv", CsvImportHarness.Fixture("shopify_orders_export.csv"));

        var run = Assert.Single(await new StoreOverviewQuery(_h.Db).HistoryAsync(_h.TenantId, _h.StoreId));
        Assert.Equal(result.Run.RunId, run.Id);
        Assert.Equal("Import · orders_export (3).csv", run.Label);
        Assert.Equal("Full sync", (run with { ImportedFile = null }).Label);
        Assert.Equal("Incremental sync", (run with { ImportedFile = null, Mode = SyncMode.Incremental }).Label);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Utf8Bom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    private async Task<List<(string? Email, string? FirstName)>> CustomersAsync()
    {
        await using var db = _h.Db.ForTenant();
        return (await db.Customers.OrderBy(c => c.PlatformId).Select(c => new { c.Email, c.FirstName }).ToListAsync()).Select(c => (c.Email, c.FirstName)).ToList();
    }

    private async Task<List<string>> OrderNumbersAsync()
    {
        await using var db = _h.Db.ForTenant();
        return await db.Orders.OrderBy(o => o.PlatformId).Select(o => o.PlatformId).ToListAsync();
    }
}
