using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv.Mapping;

/// <summary>
/// A <see cref="CsvMapping"/> resolved against one file's header: field id → column index with that column's
/// date format and decimal separator. Columns the mapping does not use are kept in the record's extras under
/// their header name, so nothing in the file is lost.
/// </summary>
internal sealed class CsvMappedColumns
{
    private readonly Dictionary<string, (int Index, string? DateFormat, char Decimal)> _fields = new(StringComparer.Ordinal);
    private readonly int[] _unmapped;
    private readonly int _currency;

    public CsvMappedColumns(CsvHeader header, CsvMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(mapping);
        var problems = mapping.Validate(header);
        if (problems.Count > 0)
            throw new CsvMappingRequiredException("The saved column mapping does not fit this file: " + string.Join(" ", problems), CsvLayout.Unknown);
        Header = header;
        Mapping = mapping;
        foreach (var column in mapping.Columns)
        {
            _fields[column.Field] = (header.IndexOf(column.Column), column.DateFormat ?? mapping.DateFormat,
                (column.DecimalSeparator ?? mapping.DecimalSeparator) == "," ? ',' : '.');
        }

        Key = header.IndexOf(mapping.IdentifyingColumn);
        _currency = mapping.CurrencyColumn is { } c ? header.IndexOf(c)
            : mapping.Columns.FirstOrDefault(m => CsvFields.Find(m.Field)?.Kind == CsvFieldKind.Currency) is { } cm ? header.IndexOf(cm.Column) : -1;
        var used = new HashSet<int>(_fields.Values.Select(f => f.Index)) { Key, _currency };
        _unmapped = Enumerable.Range(0, header.Count).Where(i => !used.Contains(i)).ToArray();
    }

    public CsvHeader Header { get; }

    public CsvMapping Mapping { get; }

    public int Key { get; }

    public bool Has(string field) => _fields.ContainsKey(field);

    public int Column(string field) => _fields.TryGetValue(field, out var f) ? f.Index : -1;

    public string? Text(CsvRow row, string field) => CsvValues.Text(row, Column(field));

    public decimal? Decimal(CsvRow row, string field, CsvValues values) =>
        _fields.TryGetValue(field, out var f) ? values.Decimal(row, f.Index, f.Decimal) : null;

    public Money Money(CsvRow row, string field, string currency, CsvValues values) => new(Decimal(row, field, values) ?? 0m, currency);

    public Money? OptionalMoney(CsvRow row, string field, string currency, CsvValues values) =>
        Decimal(row, field, values) is { } amount ? new Money(amount, currency) : null;

    public DateTimeOffset? Date(CsvRow row, string field, CsvValues values) =>
        _fields.TryGetValue(field, out var f) ? values.Date(row, f.Index, f.DateFormat) : null;

    public int? Integer(CsvRow row, string field, CsvValues values) =>
        _fields.TryGetValue(field, out var f) ? values.Integer(row, f.Index) : null;

    /// <summary>The row's currency: its currency column, else the mapping's fixed currency.</summary>
    public string? Currency(CsvRow row, CsvValues values)
    {
        if (_currency >= 0)
            return values.Currency(row, _currency);
        if (Mapping.FixedCurrency is { } fixedCurrency)
            return fixedCurrency;
        values.Issues.Add("currency", null, MappingRules.CurrencyCode, "The mapping names no currency for this file.");
        return null;
    }

    public IReadOnlyDictionary<string, string> Extras(CsvRow row) =>
        CsvValues.Extras(_unmapped.Select(i => (Header.Names[i], CsvValues.Text(row, i))));

    public CsvValues NewValues() => new(Header, new MappingIssueCollector());
}
