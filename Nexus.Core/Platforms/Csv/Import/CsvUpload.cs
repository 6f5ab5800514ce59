using System.Text.Json.Serialization;

namespace Nexus.Core.Platforms.Csv.Import;

/// <summary>
/// An uploaded file as kept next to it (<c>{id}.json</c>): what the merchant said it holds, its original name and
/// what Nexus recognised in its header (and what it had to rename there: blank or repeated column names). The id, never the merchant's file name, names the file on disk.
/// </summary>
public sealed record CsvUpload(
    string Id, int StoreId, CsvImportEntity Entity, string FileName, long SizeBytes, DateTimeOffset UploadedAt,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CsvLayout>))] CsvLayout Layout, int Columns,
    IReadOnlyList<string>? HeaderWarnings = null)
{
    /// <summary>False when the header is not a recognised export: the import needs a column mapping first.</summary>
    public bool Recognised => Layout != CsvLayout.Unknown && CsvLayoutRecognizer.EntityOf(Layout) == Entity;

    public string LayoutName => CsvLayoutRecognizer.Describe(Layout);
}

/// <summary>
/// The import a CSV store's connector reads on its next run: which upload feeds which entity, and the currency of
/// product prices (product exports carry none). Written before the run and removed after it succeeds, so an
/// interrupted import resumes from its checkpoint with the same file.
/// </summary>
public sealed record CsvImportPlan(string UploadId, CsvImportEntity Entity, string ProductCurrency = "USD");

/// <summary>An upload was refused: too large, empty, not CSV, another merchant's store. The message is for the merchant.</summary>
public sealed class CsvUploadRejectedException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A stable id (<see cref="CsvProblems"/> or <c>csv-too-large</c>, <c>csv-not-your-store</c>).</summary>
    public string Reason { get; } = reason;
}
