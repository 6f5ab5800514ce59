using System.ComponentModel.DataAnnotations;

namespace Nexus.Core.Platforms.Csv.Import;

/// <summary>Where uploaded CSV files live and how large they may be (<c>Nexus:CsvImport</c>).</summary>
public sealed class CsvImportOptions
{
    public const string Section = "Nexus:CsvImport";

    /// <summary>Root of the per-tenant upload folders; relative paths resolve against the current directory. Default: <c>{DataFolder}/uploads</c>.</summary>
    public string? UploadFolder { get; set; }

    /// <summary>Largest file accepted (default 200 MB). The file is streamed to disk, never held in memory.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// Days an uploaded file is kept when it was not imported successfully (a failed, cancelled or never-started
    /// import); a successfully imported file is deleted at once. Older files are removed on the store's next upload,
    /// except the one a pending import still reads.
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 7;

    /// <summary>Records per page written in one transaction.</summary>
    [Range(1, 100_000)]
    public int PageSize { get; set; } = 500;
}
