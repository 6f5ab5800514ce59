using System.Text.RegularExpressions;
using Nexus.Core.Model;

namespace Nexus.Core.Platforms.Csv.Mapping;

/// <summary>What the suggester proposes for one column, with why and the values it looked at (for the mapping screen).</summary>
/// <param name="Field">The proposed canonical field id, or null when nothing fits (the column goes to the record's extras).</param>
public sealed record CsvColumnSuggestion(string Column, string? Field, string Reason, IReadOnlyList<string> Samples, string? DateFormat);

/// <summary>A proposed mapping, each column's suggestion, and what the merchant still has to decide.</summary>
public sealed record CsvMappingSuggestion(CsvMapping Mapping, IReadOnlyList<CsvColumnSuggestion> Columns, IReadOnlyList<string> Notes);

/// <summary>
/// Proposes a <see cref="CsvMapping"/> for an unrecognised file from its header names and sample values: names are
/// matched against each field's hints (several languages), values decide the kind (dates and their format, money
/// and its decimal separator, e-mails, currency codes, unique ids), and a field is only proposed for a column whose
/// values fit it. Pure: the same header and samples always give the same suggestion.
/// </summary>
public static partial class CsvMappingSuggester
{
    /// <summary>Tried in order; null is the ISO 8601 / Shopify family that needs no format.</summary>
    private static readonly string?[] DateFormats =
    [
        null, "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy",
        "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "MM/dd/yyyy", "d/M/yyyy", "M/d/yyyy", "dd-MM-yyyy", "yyyy/MM/dd", "MMMM d, yyyy", "d MMMM yyyy", "yyyyMMdd",
    ];

    private static readonly (string Symbol, string Code)[] CurrencySymbols = [("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("CHF", "CHF"), ("$", "USD")];

    public static CsvMappingSuggestion Suggest(CsvHeader header, IReadOnlyList<CsvRow> sampleRows, CsvImportEntity entity)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(sampleRows);
        var rows = sampleRows.Where(r => r.IsReadable).ToList();
        var profiles = Enumerable.Range(0, header.Count).Select(i => Profile(header.Names[i], rows.Select(r => r[i].Trim()).ToList())).ToList();
        var fields = CsvFields.For(entity).ToList();

        // Every (column, field) pair the values allow, best score first; each column and field is used once.
        var candidates =
            from p in profiles.Select((p, i) => (p, i))
            from f in fields.Select((f, order) => (f, order))
            let score = Score(p.p, f.f, f.order)
            where score > 0
            orderby score descending, p.i, f.order
            select (Column: p.i, Field: f.f, Score: score);
        var assigned = new Dictionary<int, (CsvField Field, int Score)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (column, field, score) in candidates)
        {
            if (!assigned.ContainsKey(column) && used.Add(field.Id))
                assigned[column] = (field, score);
        }

        var notes = new List<string>(header.Warnings);
        var dateFormat = assigned.Where(a => a.Value.Field.Kind == CsvFieldKind.Date).Select(a => profiles[a.Key].DateFormat)
            .GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        foreach (var ambiguous in assigned.Where(a => a.Value.Field.Kind == CsvFieldKind.Date && profiles[a.Key].DateAmbiguous))
            notes.Add($"The dates in \"{profiles[ambiguous.Key].Name}\" could be day/month or month/day; check the date format.");
        var moneyColumns = assigned.Where(a => a.Value.Field.Kind is CsvFieldKind.Money or CsvFieldKind.Decimal).Select(a => profiles[a.Key]).ToList();
        var decimalSeparator = moneyColumns.Count > 0 && moneyColumns.All(p => p.CommaDecimal) && moneyColumns.Any(p => !p.DotDecimal) ? "," : ".";

        var currencyColumn = assigned.Where(a => a.Value.Field.Kind == CsvFieldKind.Currency).Select(a => profiles[a.Key].Name).FirstOrDefault();
        var fixedCurrency = currencyColumn is null ? moneyColumns.Select(p => p.CurrencySymbol).FirstOrDefault(c => c is not null) : null;
        if (currencyColumn is null && fixedCurrency is null && moneyColumns.Count > 0)
            notes.Add("No column says the currency: choose the currency of this file.");

        var identifying = Identifying(entity, assigned, profiles, rows.Count);
        if (identifying is null)
            notes.Add("No column identifies each record uniquely: choose the identifying column (re-importing the file updates records by it).");

        var columns = profiles.Select((p, i) => assigned.TryGetValue(i, out var a)
                ? new CsvColumnSuggestion(p.Name, a.Field.Id, Reason(p, a.Field), p.Samples.Take(5).ToList(), a.Field.Kind == CsvFieldKind.Date ? p.DateFormat : null)
                : new CsvColumnSuggestion(p.Name, null, "No field fits; kept with the record as an extra.", p.Samples.Take(5).ToList(), null))
            .ToList();
        var mapping = new CsvMapping
        {
            Entity = entity,
            IdentifyingColumn = identifying ?? header.Names.FirstOrDefault() ?? "",
            DateFormat = dateFormat,
            DecimalSeparator = decimalSeparator,
            CurrencyColumn = currencyColumn,
            FixedCurrency = fixedCurrency,
            Columns = assigned.OrderBy(a => a.Key)
                .Where(a => a.Value.Field.Kind != CsvFieldKind.Currency)
                .Select(a => new CsvColumnMapping(profiles[a.Key].Name, a.Value.Field.Id)
                {
                    DateFormat = a.Value.Field.Kind == CsvFieldKind.Date && profiles[a.Key].DateFormat != dateFormat ? profiles[a.Key].DateFormat : null,
                })
                .ToList(),
        };
        return new CsvMappingSuggestion(mapping, columns, notes);
    }

    private sealed record ColumnProfile(
        string Name, string Normalised, IReadOnlyList<string> Samples, bool IsDate, string? DateFormat, bool DateAmbiguous,
        bool DotDecimal, bool CommaDecimal, bool IsInteger, bool IsEmail, bool IsCurrency, bool IsUnique, string? CurrencySymbol);

    private static ColumnProfile Profile(string name, IReadOnlyList<string> values)
    {
        var samples = values.Where(v => v.Length > 0).ToList();
        var any = samples.Count > 0;
        var (isDate, format, ambiguous) = any ? DetectDateFormat(samples) : (false, null, false);
        var stripped = samples.Select(StripCurrency).ToList();
        return new ColumnProfile(
            name, CsvFields.Normalise(name), samples, isDate, format, ambiguous,
            DotDecimal: any && stripped.All(s => CsvValues.TryDecimal(s, '.', out _)),
            CommaDecimal: any && stripped.All(s => CsvValues.TryDecimal(s, ',', out _)),
            IsInteger: any && samples.All(s => long.TryParse(s, out _)),
            IsEmail: any && samples.All(s => EmailPattern().IsMatch(s)),
            IsCurrency: any && samples.All(s => Money.IsIsoCurrencyCode(s.ToUpperInvariant()) && s.All(char.IsAsciiLetter)),
            IsUnique: any && samples.Count == values.Count && samples.Distinct(StringComparer.OrdinalIgnoreCase).Count() == samples.Count,
            CurrencySymbol: samples.Select(s => CurrencySymbols.FirstOrDefault(c => s.Contains(c.Symbol, StringComparison.Ordinal)).Code).FirstOrDefault(c => c is not null));
    }

    private static string StripCurrency(string value)
    {
        var s = value;
        foreach (var (symbol, code) in CurrencySymbols)
            s = s.Replace(symbol, "", StringComparison.Ordinal).Replace(code, "", StringComparison.Ordinal);
        return s.Trim();
    }

    /// <summary>Header-name evidence first, values second; 0 when the values do not fit the field's kind.</summary>
    private static int Score(ColumnProfile p, CsvField field, int fieldOrder)
    {
        var numeric = p.DotDecimal || p.CommaDecimal;
        var fits = p.Samples.Count == 0 || field.Kind switch
        {
            CsvFieldKind.Date => p.IsDate,
            CsvFieldKind.Money or CsvFieldKind.Decimal => numeric,
            CsvFieldKind.Integer => p.IsInteger,
            CsvFieldKind.Email => p.IsEmail,
            CsvFieldKind.Currency => p.IsCurrency,
            CsvFieldKind.Id => !p.IsDate && !p.IsEmail || p.IsInteger,
            _ => !(p.IsEmail && field.Kind == CsvFieldKind.Text && !field.Id.EndsWith("email", StringComparison.OrdinalIgnoreCase)),
        };
        if (!fits)
            return 0;

        var name = 0;
        for (var h = 0; h < field.Hints.Length; h++)
        {
            var hint = field.Hints[h];
            if (p.Normalised == hint)
                name = Math.Max(name, 1000 - h);
            else if (hint.Length >= 4 && p.Normalised.Contains(hint, StringComparison.Ordinal))
                name = Math.Max(name, 500 - h);
        }

        if (name > 0)
            return name;
        // No name evidence: values alone suggest the field, the catalogue's first field of that kind first.
        var byValue = field.Kind switch
        {
            CsvFieldKind.Email when p.IsEmail => 300,
            CsvFieldKind.Currency when p.IsCurrency => 300,
            CsvFieldKind.Date when p.IsDate => 200,
            CsvFieldKind.Money when numeric && !p.IsInteger => 100,
            _ => 0,
        };
        return byValue == 0 ? 0 : byValue - fieldOrder;
    }

    private static string? Identifying(CsvImportEntity entity, Dictionary<int, (CsvField Field, int Score)> assigned, List<ColumnProfile> profiles, int rows)
    {
        string[] keys = entity switch
        {
            CsvImportEntity.Orders => ["order.number"],
            CsvImportEntity.Customers => ["customer.email", "customer.id"],
            _ => ["product.sku", "product.id"],
        };
        foreach (var key in keys)
        {
            if (assigned.FirstOrDefault(a => a.Value.Field.Id == key) is { Value.Field: not null } hit)
                return profiles[hit.Key].Name;
        }

        return rows == 0 ? null : profiles.FirstOrDefault(p => p.IsUnique)?.Name;
    }

    private static (bool IsDate, string? Format, bool Ambiguous) DetectDateFormat(IReadOnlyList<string> samples)
    {
        for (var i = 0; i < DateFormats.Length; i++)
        {
            var format = DateFormats[i];
            if (!samples.All(s => CsvValues.TryDate(s, format, out _)))
                continue;
            var ambiguous = format is not null && format.Contains("dd/MM", StringComparison.Ordinal) || format is "d/M/yyyy"
                ? samples.All(s => CsvValues.TryDate(s, format!.Replace("dd/MM", "MM/dd", StringComparison.Ordinal).Replace("d/M/", "M/d/", StringComparison.Ordinal), out _))
                : false;
            return (true, format, ambiguous);
        }

        return (false, null, false);
    }

    private static string Reason(ColumnProfile p, CsvField field)
    {
        var byName = field.Hints.Any(h => p.Normalised == h || (h.Length >= 4 && p.Normalised.Contains(h, StringComparison.Ordinal)));
        var values = field.Kind switch
        {
            CsvFieldKind.Date => $"dates ({p.DateFormat ?? "ISO 8601"})",
            CsvFieldKind.Money or CsvFieldKind.Decimal => "numbers",
            CsvFieldKind.Email => "e-mail addresses",
            CsvFieldKind.Currency => "currency codes",
            CsvFieldKind.Integer => "whole numbers",
            _ => null,
        };
        return (byName, values) switch
        {
            (true, null) => $"The header \"{p.Name}\" reads as {field.Label}.",
            (true, _) => $"The header \"{p.Name}\" reads as {field.Label} and the values are {values}.",
            (false, _) => $"The values are {values}.",
        };
    }

    [GeneratedRegex(@"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")]
    private static partial Regex EmailPattern();
}
