using System.Text;
using Nexus.Core.Platforms.Csv;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>Builds CSV inputs for the tests and reads them back through the real reader.</summary>
internal static class CsvTestFiles
{
    public static MemoryStream Utf8(string text, bool bom = false) =>
        new([.. (bom ? (byte[])[0xEF, 0xBB, 0xBF] : []), .. Encoding.UTF8.GetBytes(text)]);

    public static MemoryStream Windows1252(string text) =>
        new(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text));

    public static MemoryStream Fixture(string name) =>
        new(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "csv", name)));

    public static async Task<(CsvFileReader Reader, List<CsvRow> Rows)> ReadAllAsync(Stream stream, CsvReadOptions? options = null, CsvPosition? from = null)
    {
        var reader = await CsvFileReader.OpenAsync(stream, options, from);
        var rows = new List<CsvRow>();
        await foreach (var row in reader.ReadRowsAsync())
            rows.Add(row);
        return (reader, rows);
    }
}
