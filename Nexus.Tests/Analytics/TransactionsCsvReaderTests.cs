using Nexus.Core.Analytics;

namespace Nexus.Tests.Analytics;

public class TransactionsCsvReaderTests
{
    private static IReadOnlyList<Transaction> Read(string csv) => TransactionsCsvReader.Read(new StringReader(csv));

    [Fact]
    public void Reads_dates_offsets_quotes_and_invariant_amounts()
    {
        var rows = Read(
            "customer_id,date,amount\n" +
            "c1,2024-03-01,1234.50\n" +
            "\"c,2\",2024-03-02T10:15:00+02:00,-5\n" +
            "\n" +
            "c3,2024-03-03T23:59:00Z,0.1\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(new Transaction("c1", new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), 1234.50m), rows[0]);
        Assert.Equal(new Transaction("c,2", new DateTimeOffset(2024, 3, 2, 10, 15, 0, TimeSpan.FromHours(2)), -5m), rows[1]);
        Assert.Equal(new DateOnly(2024, 3, 2), rows[1].Day); // the merchant's day, not UTC's
        Assert.Equal(0.1m, rows[2].Amount);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_extra_columns_are_ignored()
    {
        var rows = Read("Amount,order_id,Customer_ID,date\r\n9.99,o1,cx,2023-12-31\r\n");
        Assert.Equal(new Transaction("cx", new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero), 9.99m), Assert.Single(rows));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("c1,2024-03-01,10\n", 1)] // data where the header should be
    [InlineData("customer_id,when,amount\nc1,2024-03-01,10\n", 1)]
    public void A_missing_or_incomplete_header_is_rejected_on_line_1(string csv, int line) =>
        Assert.Equal(line, Assert.Throws<TransactionsCsvException>(() => Read(csv)).LineNumber);

    [Theory]
    [InlineData("c3,2024-03-0")]      // cut inside the date, amount missing
    [InlineData("c3,2024-03-03")]     // cut before the amount
    [InlineData("c3,2024-03-03,")]    // cut right after the separator
    [InlineData("c3,2024-03-03,1x")]
    [InlineData("\"c3,2024-03-03,1")] // cut inside a quoted field
    public void A_half_written_last_line_fails_naming_that_line(string lastLine)
    {
        var csv = "customer_id,date,amount\nc1,2024-03-01,10\n\nc2,2024-03-02,20\n" + lastLine;
        var ex = Assert.Throws<TransactionsCsvException>(() => Read(csv));
        Assert.Equal(5, ex.LineNumber);
        Assert.Contains("line 5", ex.Message);
    }

    [Theory]
    [InlineData("c1,03/04/2024,10")]   // day/month order is ambiguous
    [InlineData("c1,2024-03-01,\"1,5\"")] // decimal comma
    [InlineData(",2024-03-01,10")]
    public void Ambiguous_or_culture_specific_values_are_rejected(string row) =>
        Assert.Equal(2, Assert.Throws<TransactionsCsvException>(() => Read("customer_id,date,amount\n" + row)).LineNumber);

    [Fact]
    public void ReadFile_reads_a_utf8_file_with_bom()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nexus-tx-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "customer_id,date,amount\nc1,2024-03-01,10\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            Assert.Equal("c1", Assert.Single(TransactionsCsvReader.ReadFile(path)).CustomerId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
