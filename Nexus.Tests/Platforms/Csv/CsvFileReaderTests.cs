using Nexus.Core.Platforms.Csv;
using static Nexus.Tests.Platforms.Csv.CsvTestFiles;

namespace Nexus.Tests.Platforms.Csv;

public class CsvFileReaderTests
{
    [Fact]
    public async Task Bom_and_crlf_are_stripped_and_every_row_has_its_line_and_raw_text()
    {
        var (reader, rows) = await ReadAllAsync(Utf8("Name,Total\r\n#1001,10.00\r\n#1002,\"1,234.50\"\r\n", bom: true));

        Assert.True(reader.Format.HasBom);
        Assert.Equal(',', reader.Format.Delimiter);
        Assert.Equal(["Name", "Total"], reader.Header.Names);
        Assert.Equal([2L, 3L], rows.Select(r => r.LineNumber));
        Assert.Equal(["#1001", "10.00"], rows[0].Fields);
        Assert.Equal(["#1002", "1,234.50"], rows[1].Fields);
        Assert.Equal("#1002,\"1,234.50\"", rows[1].RawText);
        Assert.All(rows, r => Assert.True(r.IsReadable));
    }

    [Fact]
    public async Task A_quoted_newline_keeps_the_record_whole_and_the_next_line_number_counts_it()
    {
        var (_, rows) = await ReadAllAsync(Utf8("id,note,n\r\n1,\"first\r\nsecond\nthird\",x\r\n2,plain,y\r\n"));

        Assert.Equal(2, rows.Count);
        Assert.Equal("first\r\nsecond\nthird", rows[0].Fields[1]);
        Assert.Equal(2, rows[0].LineNumber);
        Assert.Equal(5, rows[1].LineNumber);
    }

    [Theory]
    [InlineData("a;b;c\n1;2,5;3\n", ';', "2,5")]
    [InlineData("a\tb\tc\n1\t2,5\t3\n", '\t', "2,5")]
    [InlineData("\"a;x\",b,c\n1,2;5,3\n", ',', "2;5")]
    public async Task Delimiter_is_detected_from_the_header_outside_quotes(string text, char expected, string second)
    {
        var (reader, rows) = await ReadAllAsync(Utf8(text));

        Assert.Equal(expected, reader.Format.Delimiter);
        Assert.Equal(second, Assert.Single(rows).Fields[1]);
    }

    [Fact]
    public async Task Windows_1252_is_detected_when_the_bytes_are_not_utf8_and_decoded_correctly()
    {
        var (reader, rows) = await ReadAllAsync(Windows1252("Name;Stadt\nJürgen Groß;Köln €\n"));

        Assert.Equal("windows-1252", reader.Format.EncodingName);
        Assert.True(reader.Format.EncodingDetected);
        Assert.Equal(["Jürgen Groß", "Köln €"], Assert.Single(rows).Fields);
    }

    [Fact]
    public async Task A_chosen_encoding_wins_over_detection()
    {
        // Valid UTF-8 bytes ("Ã©" when read as 1252) that the merchant says are Windows-1252.
        var (reader, rows) = await ReadAllAsync(Utf8("a,b\né,x\n"), new CsvReadOptions { Encoding = CsvEncodingChoice.Windows1252 });

        Assert.False(reader.Format.EncodingDetected);
        Assert.Equal("Ã©", Assert.Single(rows).Fields[0]);
    }

    [Fact]
    public async Task Utf8_bytes_after_the_sample_that_are_not_utf8_quarantine_that_row()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i},ok\n"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text).Concat(new byte[] { (byte)'x', 0xE9, (byte)',', (byte)'y', (byte)'\n' }).ToArray();
        var (_, rows) = await ReadAllAsync(new MemoryStream(bytes), new CsvReadOptions { SampleBytes = 64 });

        var bad = Assert.Single(rows, r => !r.IsReadable);
        Assert.Equal(CsvProblems.InvalidEncoding, bad.Problem!.Rule);
        Assert.Equal(202, bad.LineNumber);
    }

    [Fact]
    public async Task Ragged_rows_are_yielded_with_a_problem_and_trailing_empty_cells_are_tolerated()
    {
        var (_, rows) = await ReadAllAsync(Utf8("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,,\n"));

        Assert.Equal([true, false, false, true], rows.Select(r => r.IsReadable));
        Assert.Equal(CsvProblems.Ragged, rows[1].Problem!.Rule);
        Assert.Contains("2 of the header's 3 columns", rows[1].Problem!.Message);
        Assert.Equal(3, rows[1].LineNumber);
        Assert.Equal("6,7,8,9", rows[2].RawText);
        Assert.Equal(["10", "11", "12"], rows[3].Fields);
    }

    [Fact]
    public async Task Duplicate_and_missing_headers_are_renamed_with_a_warning_and_the_first_duplicate_is_found()
    {
        var (reader, rows) = await ReadAllAsync(Utf8("Email,,email,Name\na@x.com,1,b@x.com,Ann\n"));

        Assert.Equal(["Email", "Column 2", "email (2)", "Name"], reader.Header.Names);
        Assert.Equal(2, reader.Header.Warnings.Count);
        Assert.Equal(0, reader.Header.IndexOf("EMAIL"));
        Assert.Equal(2, reader.Header.IndexOf("email (2)"));
        Assert.Equal("b@x.com", Assert.Single(rows)[2]);
    }

    [Fact]
    public async Task A_last_line_cut_inside_a_quote_is_yielded_as_a_problem_with_its_line_and_raw_text()
    {
        var (_, rows) = await ReadAllAsync(Utf8("a,b,c\n1,2,3\n4,5,\"unfinish"));

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsReadable);
        Assert.Equal(CsvProblems.Malformed, rows[1].Problem!.Rule);
        Assert.Equal(3, rows[1].LineNumber);
        Assert.Equal("4,5,\"unfinish", rows[1].RawText);
    }

    [Fact]
    public async Task A_last_line_cut_between_fields_is_a_ragged_row()
    {
        var (_, rows) = await ReadAllAsync(Utf8("a,b,c\n1,2,3\n4,5"));

        Assert.Equal(CsvProblems.Ragged, rows[1].Problem!.Rule);
        Assert.Equal("4,5", rows[1].RawText);
    }

    [Fact]
    public async Task A_malformed_row_in_the_middle_is_yielded_and_reading_resumes_on_the_next_line()
    {
        var (_, rows) = await ReadAllAsync(Utf8("a,b\n1,x\n2,\"ab\"cd\n3,y\n\n#4,z\n"));

        Assert.Equal(["1", "", "3", "#4"], rows.Select(r => r.IsReadable ? r.Fields[0] : ""));
        Assert.Equal(3, rows[1].LineNumber);
        Assert.Equal("2,\"ab\"cd", rows[1].RawText);
        Assert.Equal(CsvProblems.Malformed, rows[1].Problem!.Rule);
        Assert.Equal(6, rows[3].LineNumber);
    }

    [Fact]
    public async Task A_malformed_first_data_row_is_yielded_too()
    {
        var (_, rows) = await ReadAllAsync(Utf8("a,b\n1,\"x\"y\n2,z\n"));

        Assert.Equal([false, true], rows.Select(r => r.IsReadable));
        Assert.Equal(2, rows[0].LineNumber);
        Assert.Equal(["2", "z"], rows[1].Fields);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, CsvProblems.Spreadsheet)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, CsvProblems.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, CsvProblems.Utf16)]
    [InlineData(new byte[] { 0x61, 0x2C, 0x00, 0x01, 0x02 }, CsvProblems.Binary)]
    [InlineData(new byte[] { 0x0A, 0x20, 0x0D, 0x0A }, CsvProblems.Empty)]
    [InlineData(new byte[0], CsvProblems.Empty)]
    public async Task Files_that_are_not_csv_are_refused_before_anything_is_read(byte[] bytes, string reason)
    {
        var error = await Assert.ThrowsAsync<CsvNotReadableException>(() => CsvFileReader.OpenAsync(new MemoryStream(bytes)));

        Assert.Equal(reason, error.Reason);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Login</body></html>", CsvProblems.Markup)]
    [InlineData("  [{\"id\": 1}, {\"id\": 2}]", CsvProblems.Json)]
    [InlineData("just some words\nin a text file\n", CsvProblems.NoDelimiter)]
    public async Task Text_that_is_not_a_table_gets_a_plain_reason(string text, string reason)
    {
        var error = await Assert.ThrowsAsync<CsvNotReadableException>(() => CsvFileReader.OpenAsync(Utf8(text)));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public async Task A_record_longer_than_the_limit_is_a_clear_file_error_naming_its_line()
    {
        var text = "a,b\n1,2\n3,\"" + new string('x', 200_000) + "\"\n4,5\n";
        var error = await Assert.ThrowsAsync<CsvNotReadableException>(() => ReadAllAsync(Utf8(text), new CsvReadOptions { MaxRecordChars = 100_000 }));

        Assert.Equal(CsvProblems.RecordTooLarge, error.Reason);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public async Task Resuming_at_a_row_position_yields_exactly_the_rows_from_there()
    {
        var text = "Name,Note\r\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"#{i},\"Grüße\r\nline {i}\"\r\n"));
        var (_, all) = await ReadAllAsync(Utf8(text, bom: true));
        var from = all[17].Position;

        var (_, rest) = await ReadAllAsync(Utf8(text, bom: true), from: CsvPosition.Parse(from.ToToken()));

        Assert.Equal(all.Skip(17).Select(r => (r.LineNumber, r.RawText)), rest.Select(r => (r.LineNumber, r.RawText)));
        Assert.Equal(36, from.LineNumber);
    }

    [Fact]
    public async Task Resuming_a_windows_1252_file_counts_its_own_bytes_not_utf8()
    {
        var text = "Name;Stadt\r\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"Jürgen Groß {i};Köln €\r\n"));
        var (_, all) = await ReadAllAsync(Windows1252(text));

        var (_, rest) = await ReadAllAsync(Windows1252(text), from: all[20].Position);

        Assert.Equal(all.Skip(20).Select(r => r.Fields), rest.Select(r => r.Fields));
        Assert.Equal("Jürgen Groß 21", rest[0].Fields[0]);
    }

    [Fact]
    public async Task A_position_from_another_file_is_refused()
    {
        var (_, rows) = await ReadAllAsync(Utf8("a,b\n1,2\n3,4\n"));

        var error = await Assert.ThrowsAsync<CsvNotReadableException>(() => ReadAllAsync(Utf8("x,y\n1,2\n3,4\n"), from: rows[1].Position));

        Assert.Equal(CsvProblems.ResumeMismatch, error.Reason);
    }

    [Theory]
    [InlineData("csv1:12:x:abc")]
    [InlineData("csv2:1:1:abc")]
    [InlineData("12:3")]
    public void A_malformed_token_is_refused(string token) => Assert.Throws<FormatException>(() => CsvPosition.Parse(token));
}
