using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv;

/// <summary>The three entities a CSV file can hold.</summary>
public enum CsvImportEntity { Orders, Customers, Products }

/// <summary>
/// Turns the rows of one record into a canonical record. Adjacent rows with the same <see cref="GroupKey"/> are one
/// record (a Shopify order spans one row per line item; a product one row per variant), so the page source never
/// cuts a record across pages and a resume position always falls between records.
/// </summary>
public interface ICsvRecordMapper<T>
    where T : class
{
    /// <summary>"order", "customer" or "product": the quarantine's entity type.</summary>
    string EntityType { get; }

    /// <summary>What the mapper reads the file as, for the import's history ("Shopify orders export", "your mapping").</summary>
    string LayoutName { get; }

    /// <summary>The identifying key of the record this row belongs to; null when the row has none (it then stands alone and fails to map).</summary>
    string? GroupKey(CsvRow row);

    /// <summary>Maps the rows of one record (at least one, all readable, in file order).</summary>
    MappingResult<T> Map(IReadOnlyList<CsvRow> rows);
}
