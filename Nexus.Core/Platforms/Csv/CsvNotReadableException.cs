namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// The file as a whole cannot be read as CSV (empty, a spreadsheet, HTML, JSON, binary, no delimiter, a record
/// too long to be real). Nothing from it is yielded. <see cref="Exception.Message"/> is written for the merchant:
/// what the file is and what to do; <see cref="Reason"/> is a stable id for tests, logs and the UI.
/// </summary>
public sealed class CsvNotReadableException(string reason, string message, long? lineNumber = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Reason { get; } = reason;

    /// <summary>The physical line where reading stopped, when reading had started.</summary>
    public long? LineNumber { get; } = lineNumber;
}

/// <summary>Stable ids for <see cref="CsvNotReadableException.Reason"/> and for quarantined rows.</summary>
public static class CsvProblems
{
    public const string Empty = "csv-empty";
    public const string Spreadsheet = "csv-is-spreadsheet";
    public const string Pdf = "csv-is-pdf";
    public const string Markup = "csv-is-html-or-xml";
    public const string Json = "csv-is-json";
    public const string Binary = "csv-is-binary";
    public const string Utf16 = "csv-utf16";
    public const string NoDelimiter = "csv-no-delimiter";
    public const string RecordTooLarge = "csv-record-too-large";
    public const string NotSeekable = "csv-not-seekable";
    public const string ResumeMismatch = "csv-resume-other-file";

    // Row-level reasons (quarantine).
    public const string Malformed = "csv-malformed-row";
    public const string Ragged = "csv-ragged-row";
    public const string InvalidEncoding = "csv-invalid-encoding";
}
