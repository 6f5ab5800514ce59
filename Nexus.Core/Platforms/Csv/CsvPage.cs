using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// One page of a CSV import: the records to write in one transaction, the rows to quarantine, and where the next
/// page starts. Checkpoint <see cref="Next"/> (as <see cref="CsvPosition.ToToken"/>) after the page is written;
/// resuming there yields exactly the records after this page.
/// </summary>
/// <param name="BytesRead">Bytes of the file consumed so far, for a progress bar against <see cref="TotalBytes"/>.</param>
public sealed record CsvPage<T>(IReadOnlyList<T> Records, IReadOnlyList<CsvQuarantinedRow> Quarantined, CsvPosition Next, long BytesRead, long TotalBytes, bool IsLast)
    where T : class;

/// <summary>
/// A row (or the rows of one record) that cannot be stored: the first physical line number, the raw text exactly
/// as in the file (rows of one record joined by line breaks) and every reason.
/// </summary>
public sealed record CsvQuarantinedRow(string EntityType, string? RecordKey, long LineNumber, string RawText, IReadOnlyList<MappingIssue> Issues)
{
    /// <summary>The sync's quarantine shape: the raw text takes the raw-payload slot, the line number leads each reason.</summary>
    public Quarantined ToQuarantined() =>
        new(EntityType, RecordKey, RawText, Issues.Select(i => i with { Message = $"Line {LineNumber}: {i.Message}" }).ToList());
}

/// <summary>What one import did, for the job's history and <c>import --json</c>. The page writer decides stored/updated/unchanged.</summary>
public sealed record CsvImportSummary(long Stored, long Updated, long Unchanged, long Quarantined)
{
    public static CsvImportSummary Empty { get; } = new(0, 0, 0, 0);

    public long Records => Stored + Updated + Unchanged;

    public CsvImportSummary Add(CsvImportSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Stored + other.Stored, Updated + other.Updated, Unchanged + other.Unchanged, Quarantined + other.Quarantined);
    }
}
