using System.Globalization;
using Nexus.Core.Exports;
using Nexus.Core.Quality.Storage;

namespace Nexus.Core.Quality;

/// <summary>Current rule failures as CSV (RFC 4180), streamed row by row so a large store's export needs no buffer.</summary>
public static class QualityCsvExport
{
    public const string Header = "store_id,entity,platform_id,rule_id,severity,field,value,message,quarantined,detected_at_utc";

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<QualityIssueRecord> issues, CancellationToken cancellationToken = default)
    {
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        await foreach (var i in issues.WithCancellation(cancellationToken))
        {
            var line = string.Join(',',
                i.StoreId.ToString(CultureInfo.InvariantCulture), Field(i.Entity), Field(i.PlatformId), Field(i.RuleId),
                Field(i.Severity.ToString().ToLowerInvariant()), Field(i.Field), Field(i.Value), Field(i.Message),
                i.Quarantined ? "true" : "false", i.DetectedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    /// <summary>Quotes when needed and defuses spreadsheet formulas (see <see cref="Csv.Field"/>).</summary>
    public static string Field(string? value) => Csv.Field(value);
}
