using System.Text;
using Nexus.Benchmarks.Csv;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Csv;
using static Nexus.Tests.Platforms.Csv.CsvTestFiles;

namespace Nexus.Tests.Platforms.Csv;

public class CsvPageSourceTests
{
    private static MemoryStream GeneratedOrders(int rows)
    {
        var file = new MemoryStream();
        ShopifyOrdersCsvGenerator.Write(file, rows, seed: 7);
        file.Position = 0;
        return file;
    }

    [Fact]
    public async Task Pages_close_only_between_orders_and_carry_the_position_of_the_next_order()
    {
        var file = GeneratedOrders(400);
        await using var source = await CsvPageSource<Order>.OpenAsync(file, CsvRecordMappers.Orders(), new CsvPageOptions { PageSize = 25 });
        var pages = new List<CsvPage<Order>>();
        await foreach (var page in source.ReadPagesAsync())
            pages.Add(page);

        Assert.True(pages.Count > 5);
        Assert.True(pages[^1].IsLast);
        Assert.Equal(file.Length, pages[^1].BytesRead);
        Assert.All(pages[..^1], p => Assert.Equal(25, p.Records.Count));
        var orders = pages.SelectMany(p => p.Records).ToList();
        Assert.Equal(400, orders.Sum(o => o.Lines.Count));
        Assert.Equal(orders.Count, orders.Select(o => o.PlatformId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1001, orders.Count).Select(n => $"#{n}"), orders.Select(o => o.PlatformId));
        Assert.Contains(orders, o => o.Status == OrderStatus.Cancelled);
        Assert.Contains(orders, o => o.Refunds.Count == 1);
    }

    [Fact]
    public async Task Resuming_from_a_page_position_yields_exactly_the_orders_after_that_page()
    {
        var bytes = GeneratedOrders(300).ToArray();
        var (all, _, _) = await ShopifyCsvMappingTests.ImportAsync(new MemoryStream(bytes), CsvRecordMappers.Orders());
        CsvPage<Order> third;
        var seen = new List<Order>();
        await using (var source = await CsvPageSource<Order>.OpenAsync(new MemoryStream(bytes), CsvRecordMappers.Orders(), new CsvPageOptions { PageSize = 20 }))
        {
            await using var pages = source.ReadPagesAsync().GetAsyncEnumerator();
            for (var i = 0; i < 3; i++)
            {
                Assert.True(await pages.MoveNextAsync());
                seen.AddRange(pages.Current.Records);
            }

            third = pages.Current;
        }

        var token = third.Next.ToToken();
        var (rest, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(new MemoryStream(bytes), CsvRecordMappers.Orders(), from: CsvPosition.Parse(token));

        Assert.Empty(quarantined);
        Assert.Equal(60, seen.Count);
        Assert.Equal(all.Skip(60).Select(o => (o.PlatformId, o.Lines.Count, o.Total)), rest.Select(o => (o.PlatformId, o.Lines.Count, o.Total)));
    }

    [Fact]
    public async Task Bad_rows_are_quarantined_with_line_number_raw_text_and_reason_and_their_neighbours_are_stored()
    {
        var header = ShopifyOrdersCsvGenerator.Header;
        string Row(string name, string created, string total, string qty = "1", string currency = "USD")
        {
            var cells = new string[79];
            Array.Fill(cells, "");
            (cells[0], cells[7], cells[11], cells[15], cells[16], cells[17], cells[18]) = (name, currency, total, created, qty, "Mug", total);
            return string.Join(',', cells);
        }

        var text = new StringBuilder()
            .Append(header).Append("\r\n")
            .Append(Row("#1", "2024-01-02 10:00:00 +0000", "10.00")).Append("\r\n")       // line 2: fine
            .Append(Row("#2", "02/01/2024", "10.00")).Append("\r\n")                      // line 3: unknown date format
            .Append(Row("#3", "2024-01-02 10:00:00 +0000", "ten")).Append("\r\n")         // line 4: not a number
            .Append("#4,\"broken\"quote,").Append(new string(',', 77)).Append("\r\n")      // line 5: malformed
            .Append("#5,too,few\r\n")                                                     // line 6: ragged
            .Append(Row("#6", "2024-01-02 10:00:00 +0000", "5.00", currency: "Euro")).Append("\r\n") // line 7: currency
            .Append(Row("#7", "2024-01-03 10:00:00 +0000", "7.00")).Append("\r\n")       // line 8: fine
            .Append(Row("#7", "", "", qty: "2"))                                          // line 9: second line of #7, file ends without CRLF
            .ToString();

        var (orders, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(Utf8(text), CsvRecordMappers.Orders());

        Assert.Equal(["#1", "#7"], orders.Select(o => o.PlatformId));
        Assert.Equal(2, orders[1].Lines.Count);
        Assert.Equal(
            [(3L, "#2", "iso-8601-datetime"), (4L, "#3", "decimal-invariant"), (5L, null, CsvProblems.Malformed), (6L, null, CsvProblems.Ragged), (7L, "#6", "iso-4217-currency")],
            quarantined.Select(q => (q.LineNumber, q.RecordKey, q.Issues[0].Rule)));
        Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.RawText)));
        Assert.Equal("#5,too,few", quarantined[3].RawText);
        Assert.StartsWith("#2,", quarantined[0].RawText);
        Assert.Contains("02/01/2024", quarantined[0].Issues[0].Message);
        Assert.StartsWith("Line 3: ", quarantined[0].ToQuarantined().Issues[0].Message);
        Assert.Equal(quarantined[0].RawText, quarantined[0].ToQuarantined().RawJson);
    }

    [Fact]
    public async Task A_file_of_only_bad_rows_still_pages_its_quarantine()
    {
        var text = ShopifyOrdersCsvGenerator.Header + "\r\n" + string.Concat(Enumerable.Range(0, 120).Select(i => $"#{i},ragged\r\n"));
        await using var source = await CsvPageSource<Order>.OpenAsync(Utf8(text), CsvRecordMappers.Orders(), new CsvPageOptions { PageSize = 50 });
        var pages = new List<CsvPage<Order>>();
        await foreach (var page in source.ReadPagesAsync())
            pages.Add(page);

        Assert.Equal([50, 50, 20], pages.Select(p => p.Quarantined.Count));
        Assert.Equal(Enumerable.Range(2, 120).Select(i => (long)i), pages.SelectMany(p => p.Quarantined).Select(q => q.LineNumber));
        Assert.Equal(52, pages[0].Next.LineNumber);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_yields_nothing()
    {
        var error = await Assert.ThrowsAsync<CsvNotReadableException>(() =>
            CsvPageSource<Order>.OpenAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]), CsvRecordMappers.Orders()));

        Assert.Contains("Excel", error.Message);
    }

    [Fact]
    public async Task A_header_only_file_yields_one_empty_last_page()
    {
        var (orders, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(Utf8(ShopifyOrdersCsvGenerator.Header + "\r\n"), CsvRecordMappers.Orders());

        Assert.Empty(orders);
        Assert.Empty(quarantined);
    }

    [Fact]
    public void Summaries_add_up()
    {
        var total = CsvImportSummary.Empty.Add(new CsvImportSummary(3, 1, 0, 2)).Add(new CsvImportSummary(0, 2, 5, 1));

        Assert.Equal(new CsvImportSummary(3, 3, 5, 3), total);
        Assert.Equal(11, total.Records);
    }
}
