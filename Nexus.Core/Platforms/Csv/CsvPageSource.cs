using System.Runtime.CompilerServices;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv;

/// <summary>Page size and reading options for a <see cref="CsvPageSource{T}"/>.</summary>
public sealed record CsvPageOptions
{
    /// <summary>Records (plus quarantined rows) per page; a page closes only between records.</summary>
    public int PageSize { get; init; } = 500;

    public CsvReadOptions Read { get; init; } = new();
}

/// <summary>
/// A CSV file as a source of pages for the entity pipeline: rows are read as a stream, grouped into records by
/// the mapper's key, mapped, and handed out a page at a time with the position after it. Memory holds one page
/// and the record being assembled, never the file.
/// </summary>
public sealed class CsvPageSource<T> : IAsyncDisposable
    where T : class
{
    private readonly CsvFileReader _reader;
    private readonly CsvPageOptions _options;

    private CsvPageSource(CsvFileReader reader, ICsvRecordMapper<T> mapper, CsvPageOptions options, long totalBytes)
    {
        _reader = reader;
        Mapper = mapper;
        _options = options;
        TotalBytes = totalBytes;
    }

    public CsvFileFormat Format => _reader.Format;

    public CsvHeader Header => _reader.Header;

    public ICsvRecordMapper<T> Mapper { get; }

    public long TotalBytes { get; }

    /// <summary>Opens the file, reads its header and builds the mapper for it (which may refuse the header).</summary>
    /// <exception cref="CsvNotReadableException">The file is not CSV, or <paramref name="resumeFrom"/> belongs to another file.</exception>
    public static async Task<CsvPageSource<T>> OpenAsync(
        Stream file, Func<CsvHeader, ICsvRecordMapper<T>> mapperFor, CsvPageOptions? options = null, CsvPosition? resumeFrom = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(mapperFor);
        options ??= new CsvPageOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        var reader = await CsvFileReader.OpenAsync(file, options.Read, resumeFrom, cancellationToken).ConfigureAwait(false);
        try
        {
            return new CsvPageSource<T>(reader, mapperFor(reader.Header), options, file.Length);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The pages from the open position to the end of the file. Always yields at least one page (possibly empty,
    /// with <see cref="CsvPage{T}.IsLast"/>) so the caller can checkpoint the end.
    /// </summary>
    public async IAsyncEnumerable<CsvPage<T>> ReadPagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var records = new List<T>(_options.PageSize);
        var quarantined = new List<CsvQuarantinedRow>();
        var group = new List<CsvRow>();
        var groupQuarantine = new List<CsvQuarantinedRow>();
        string? groupKey = null;

        await foreach (var row in _reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!row.IsReadable)
            {
                if (group.Count == 0 && records.Count + quarantined.Count >= _options.PageSize)
                {
                    // A run of bad rows with no record around them still pages, so memory stays bounded.
                    yield return new CsvPage<T>(records.ToArray(), quarantined.ToArray(), row.Position, row.Position.ByteOffset, TotalBytes, IsLast: false);
                    records.Clear();
                    quarantined.Clear();
                }

                // Held with the record being assembled so a resume from before that record does not quarantine it twice.
                (group.Count > 0 ? groupQuarantine : quarantined).Add(Unreadable(row));
                continue;
            }

            var key = Mapper.GroupKey(row);
            if (group.Count > 0 && (key is null || !string.Equals(key, groupKey, StringComparison.Ordinal)))
            {
                Complete(group, groupKey, records, quarantined, groupQuarantine);
                if (records.Count + quarantined.Count >= _options.PageSize)
                {
                    yield return new CsvPage<T>(records.ToArray(), quarantined.ToArray(), row.Position, row.Position.ByteOffset, TotalBytes, IsLast: false);
                    records.Clear();
                    quarantined.Clear();
                }
            }

            group.Add(row);
            groupKey = key;
        }

        if (group.Count > 0)
            Complete(group, groupKey, records, quarantined, groupQuarantine);
        quarantined.AddRange(groupQuarantine);
        var end = _reader.Position;
        yield return new CsvPage<T>(records.ToArray(), quarantined.ToArray(), end, end.ByteOffset, TotalBytes, IsLast: true);
    }

    private void Complete(List<CsvRow> group, string? key, List<T> records, List<CsvQuarantinedRow> quarantined, List<CsvQuarantinedRow> groupQuarantine)
    {
        var result = Mapper.Map(group);
        if (result.IsSuccess)
            records.Add(result.Value!);
        else
            quarantined.Add(new CsvQuarantinedRow(Mapper.EntityType, key, group[0].LineNumber, string.Join('\n', group.Select(r => r.RawText)), result.Issues));
        quarantined.AddRange(groupQuarantine);
        groupQuarantine.Clear();
        group.Clear();
    }

    private CsvQuarantinedRow Unreadable(CsvRow row)
    {
        var key = row.Fields.Count == Header.Count ? Mapper.GroupKey(row) : null;
        return new CsvQuarantinedRow(Mapper.EntityType, key, row.LineNumber, row.RawText,
            [new MappingIssue($"line {row.LineNumber}", row.RawText, row.Problem!.Rule, row.Problem.Message)]);
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
