namespace Nexus.Core.Platforms.Csv.Mapping;

/// <summary>The first rows of a file as the mapping screen shows them, with what the reader detected.</summary>
/// <param name="ProblemRows">Rows among the first ones that could not be read (they would be quarantined).</param>
public sealed record CsvPreview(CsvFileFormat Format, CsvHeader Header, CsvLayout Layout, IReadOnlyList<CsvRow> Rows, int ProblemRows)
{
    public const int DefaultRows = 20;

    /// <summary>Reads the header and the first <paramref name="rows"/> rows only (never the whole file).</summary>
    /// <exception cref="CsvNotReadableException">The file is not CSV.</exception>
    public static async Task<CsvPreview> ReadAsync(Stream file, CsvReadOptions? options = null, int rows = DefaultRows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        await using var reader = await CsvFileReader.OpenAsync(file, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        var read = new List<CsvRow>(rows);
        var problems = 0;
        await foreach (var row in reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            read.Add(row);
            if (!row.IsReadable)
                problems++;
            if (read.Count == rows)
                break;
        }

        return new CsvPreview(reader.Format, reader.Header, CsvLayoutRecognizer.Recognize(reader.Header), read, problems);
    }

    /// <summary>The suggested mapping for these rows (for an unrecognised layout).</summary>
    public CsvMappingSuggestion Suggest(CsvImportEntity entity) => CsvMappingSuggester.Suggest(Header, Rows, entity);
}
