using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nexus.Core.Sync;

namespace Nexus.Core.Platforms.Csv.Import;

/// <summary>One row the import quarantined, as the merchant's summary names it: where it is in the file and why.</summary>
public sealed record CsvQuarantineExample(long LineNumber, string Reason)
{
    // Every CSV quarantine reason leads with "Line N: " (CsvQuarantinedRow.ToQuarantined) and the page writer appends
    // " (rule, value: …)" to each message; the rule ids are lower-case words and digits joined by hyphens.
    private static readonly Regex Stored = new(@"Line (\d+): (.*?) \([a-z0-9-]+, value: ", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>Reads a quarantined record's stored reasons; null when they carry no line number (not a CSV row).</summary>
    public static CsvQuarantineExample? FromStoredReasons(string reasons)
    {
        var match = Stored.Match(reasons ?? "");
        return match.Success ? new CsvQuarantineExample(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value) : null;
    }
}

/// <summary>
/// What one import did: the sync run it was (history, progress, errors), the entity's counts, and what the merchant
/// needs to know about the file (renamed header cells, the first quarantined rows) to act on it.
/// </summary>
public sealed record CsvImportResult(SyncSummary Run, CsvImportEntity Entity, CsvImportSummary Counts, string FileName,
    IReadOnlyList<string> HeaderWarnings, IReadOnlyList<CsvQuarantineExample> QuarantineExamples)
{
    public bool Succeeded => Run.Status == SyncRunStatus.Succeeded;

    /// <summary>
    /// The import in plain words for the merchant: what was stored, which rows were not and why, and what to do
    /// next. The counts are exact; the examples are the first few quarantined rows (all of them are on the Quality page).
    /// </summary>
    public string Describe()
    {
        var entity = Entity.ToString().ToLowerInvariant();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Import of {FileName} {Run.Status.ToString().ToLowerInvariant()} in {Run.Seconds:N1}s (run {Run.RunId}): {entity} ")
            .Append(CultureInfo.InvariantCulture, $"new {Counts.Stored:N0}, updated {Counts.Updated:N0}, unchanged {Counts.Unchanged:N0}, quarantined {Counts.Quarantined:N0}.");
        if (Run.Error is { } error)
            text.AppendLine().Append("  ").Append(error);
        foreach (var warning in HeaderWarnings)
            text.AppendLine().Append("  Header: ").Append(warning);
        if (Counts.Quarantined > 0)
        {
            foreach (var example in QuarantineExamples)
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"  Line {example.LineNumber}: {example.Reason}");
            var rows = Counts.Quarantined == 1 ? "that row" : $"those {Counts.Quarantined:N0} rows";
            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"  Nothing was lost: {rows} are in quarantine on the Quality page with their line and text. Fix {(Counts.Quarantined == 1 ? "it" : "them")} in the file and upload it again; records already imported stay as they are and are not duplicated.");
        }
        else if (Succeeded && Counts.Records == 0)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  The file has no {entity} rows below its header. Check that it is the right export.");
        }
        return text.ToString();
    }
}
