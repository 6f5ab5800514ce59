using System.Text;
using System.Text.Unicode;

namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// Looks at the first bytes of a file and decides its encoding and delimiter, or refuses it with a clear reason
/// when it is not CSV at all. Pure: the same bytes always give the same answer.
/// </summary>
public static class CsvSniffer
{
    private static readonly char[] Candidates = [',', ';', '\t'];

    /// <param name="sample">The first bytes of the file (up to <see cref="CsvReadOptions.SampleBytes"/>).</param>
    /// <param name="isWholeFile">True when the sample is the entire file (so a cut-off last character is real).</param>
    /// <exception cref="CsvNotReadableException">The bytes are not a CSV file.</exception>
    public static CsvFileFormat Detect(ReadOnlySpan<byte> sample, bool isWholeFile, CsvReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var preamble = sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = sample[preamble..];
        RefuseNonCsv(sample, body);

        var (encoding, name, detected) = options.Encoding switch
        {
            CsvEncodingChoice.Utf8 => (CsvFileFormat.Utf8, "utf-8", false),
            CsvEncodingChoice.Windows1252 => (CsvFileFormat.Windows1252, "windows-1252", false),
            _ when preamble > 0 || IsUtf8(body, isWholeFile) => (CsvFileFormat.Utf8, "utf-8", true),
            _ => (CsvFileFormat.Windows1252, "windows-1252", true),
        };

        var delimiter = options.Delimiter ?? DetectDelimiter(FirstLine(encoding.GetString(body)));
        return new CsvFileFormat(encoding, name, detected, preamble, delimiter);
    }

    private static void RefuseNonCsv(ReadOnlySpan<byte> sample, ReadOnlySpan<byte> body)
    {
        if (body.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\r', (byte)'\n', (byte)'\t']).IsEmpty)
            throw new CsvNotReadableException(CsvProblems.Empty, "The file is empty. Export the data again and upload the new file.");
        if (sample.StartsWith("PK\u0003\u0004"u8))
            throw new CsvNotReadableException(CsvProblems.Spreadsheet,
                "This is an Excel workbook or another zip file, not a CSV file. Open it and save it as \"CSV UTF-8\", then upload that file.");
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            throw new CsvNotReadableException(CsvProblems.Spreadsheet,
                "This is an old Excel (.xls) workbook, not a CSV file. Open it and save it as \"CSV UTF-8\", then upload that file.");
        if (sample.StartsWith("%PDF"u8))
            throw new CsvNotReadableException(CsvProblems.Pdf, "This is a PDF document, not a CSV file. Export the data from your shop as CSV instead.");
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new CsvNotReadableException(CsvProblems.Utf16,
                "This file is saved as UTF-16 (\"Unicode text\"). Save it as \"CSV UTF-8\" and upload it again.");
        if (body.Contains((byte)0))
            throw new CsvNotReadableException(CsvProblems.Binary, "This file is not text (it contains binary data), so it cannot be a CSV file. Check that you picked the right file.");

        var first = body.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\r', (byte)'\n', (byte)'\t']);
        if (first[0] == (byte)'<')
            throw new CsvNotReadableException(CsvProblems.Markup,
                "This file is a web page or XML document, not a CSV file. If you downloaded it, the download may have failed: export the CSV again.");
        if (first[0] is (byte)'{' or (byte)'[')
            throw new CsvNotReadableException(CsvProblems.Json, "This file is JSON, not CSV. Export the data as CSV instead.");
    }

    /// <summary>Valid UTF-8, ignoring a multi-byte sequence cut off by the end of the sample.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> body, bool isWholeFile)
    {
        if (Utf8.IsValid(body))
            return true;
        if (isWholeFile)
            return false;
        for (var cut = 1; cut <= 3 && cut < body.Length; cut++)
        {
            if (Utf8.IsValid(body[..^cut]))
                return true;
        }

        return false;
    }

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }

    /// <summary>The candidate that occurs most often outside quotes in the header line; a tie prefers the comma.</summary>
    internal static char DetectDelimiter(string headerLine)
    {
        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted)
            {
                var i = Array.IndexOf(Candidates, c);
                if (i >= 0)
                    counts[i]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
                best = i;
        }

        return counts[best] > 0
            ? Candidates[best]
            : throw new CsvNotReadableException(CsvProblems.NoDelimiter,
                "The first line of this file has no commas, semicolons or tabs, so it is not a table of columns. Upload a CSV export with a header line.", 1);
    }

    internal static string Describe(char delimiter) => delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        _ => $"'{delimiter}'",
    };

    internal static int CountLineBreaks(ReadOnlySpan<char> raw)
    {
        var breaks = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n')
                breaks++;
            else if (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n'))
                breaks++;
        }

        return breaks;
    }
}
