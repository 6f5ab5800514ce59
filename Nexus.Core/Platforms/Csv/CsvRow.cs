namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// One record of the file as read. <see cref="Problem"/> is set when the row cannot be used as it is (malformed
/// quoting, wrong number of columns, undecodable bytes); such a row is still yielded so the caller quarantines it
/// with its line number and raw text instead of losing it.
/// </summary>
/// <param name="LineNumber">1-based physical line the record starts on (a quoted newline makes a record span lines).</param>
/// <param name="Position">Where this record starts in the file (resuming there re-reads it).</param>
/// <param name="Fields">The values, one per column; empty for a row with a problem that could not be split.</param>
/// <param name="RawText">The record exactly as in the file, without its line ending.</param>
public sealed record CsvRow(long LineNumber, CsvPosition Position, IReadOnlyList<string> Fields, string RawText, CsvRowProblem? Problem = null)
{
    public bool IsReadable => Problem is null;

    /// <summary>The value in column <paramref name="index"/>; empty when the column is missing (-1) or beyond this row.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index] : "";
}

/// <summary>Why a row could not be read: a stable rule id (<see cref="CsvProblems"/>) and a message for the merchant.</summary>
public sealed record CsvRowProblem(string Rule, string Message);
