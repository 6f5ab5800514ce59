using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Core.Platforms.Csv.Mapping;

/// <summary>
/// How to read a CSV that is not a recognised platform export: which column is which canonical field, how its
/// dates and decimals are written, where the currency comes from, and which column identifies a record. This is
/// the file the mapping screen saves per store and <c>import --mapping M.json</c> reads (<see cref="ToJson"/>).
/// </summary>
public sealed record CsvMapping
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required CsvImportEntity Entity { get; init; }

    /// <summary>The column whose value is the record's key (order number, customer e-mail or id, product SKU or id).</summary>
    public required string IdentifyingColumn { get; init; }

    /// <summary>Default .NET date format for date columns (e.g. <c>dd.MM.yyyy</c>); null = ISO 8601 / Shopify style.</summary>
    public string? DateFormat { get; init; }

    /// <summary>"." or ","; default for number and money columns.</summary>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary>A column holding each record's ISO currency code; or else <see cref="FixedCurrency"/>.</summary>
    public string? CurrencyColumn { get; init; }

    /// <summary>The currency of every amount in the file when no column says it.</summary>
    public string? FixedCurrency { get; init; }

    /// <summary>"utf-8" or "windows-1252"; null = detect.</summary>
    public string? Encoding { get; init; }

    /// <summary>",", ";" or "\t"; null = detect.</summary>
    public string? Delimiter { get; init; }

    public IReadOnlyList<CsvColumnMapping> Columns { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="FormatException">The text is not a mapping file, with what is wrong in plain words.</exception>
    public static CsvMapping FromJson(string json)
    {
        CsvMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<CsvMapping>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The mapping file is not valid: {ex.Message}", ex);
        }

        if (mapping is null)
            throw new FormatException("The mapping file is empty.");
        if (mapping.Version != CurrentVersion)
            throw new FormatException($"The mapping file has version {mapping.Version}; this Nexus reads version {CurrentVersion}.");
        return mapping;
    }

    public char DecimalChar => DecimalSeparator == "," ? ',' : '.';

    /// <summary>The reading options this mapping pins (encoding, delimiter), for the page source.</summary>
    public CsvReadOptions ReadOptions(CsvReadOptions? defaults = null) => (defaults ?? new CsvReadOptions()) with
    {
        Encoding = Encoding?.ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => CsvEncodingChoice.Utf8,
            "windows-1252" or "cp1252" => CsvEncodingChoice.Windows1252,
            _ => CsvEncodingChoice.Detect,
        },
        Delimiter = Delimiter switch { "," => ',', ";" => ';', "\t" or "\\t" or "tab" => '\t', _ => null },
    };

    /// <summary>Everything that stops this mapping from importing a file with <paramref name="header"/>, in plain words; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var problems = new List<string>();
        if (!header.Contains(IdentifyingColumn))
            problems.Add($"The identifying column \"{IdentifyingColumn}\" is not in the file.");
        foreach (var column in Columns)
        {
            if (!header.Contains(column.Column))
                problems.Add($"The column \"{column.Column}\" is not in the file.");
            if (CsvFields.Find(column.Field) is not { } field || field.Entity != Entity)
                problems.Add($"\"{column.Field}\" (for column \"{column.Column}\") is not a {Entity.ToString().ToLowerInvariant()} field.");
        }

        foreach (var duplicate in Columns.GroupBy(c => c.Field).Where(g => g.Count() > 1))
            problems.Add($"{CsvFields.Find(duplicate.Key)?.Label ?? duplicate.Key} is mapped from more than one column ({string.Join(", ", duplicate.Select(c => c.Column))}).");
        foreach (var required in CsvFields.For(Entity).Where(f => f.Required && Columns.All(c => c.Field != f.Id)))
            problems.Add($"{required.Label} is not mapped to any column.");
        var hasMoney = Columns.Any(c => CsvFields.Find(c.Field)?.Kind == CsvFieldKind.Money);
        var currencyField = Columns.Any(c => CsvFields.Find(c.Field)?.Kind == CsvFieldKind.Currency);
        if (hasMoney && CurrencyColumn is null && FixedCurrency is null && !currencyField)
            problems.Add("Choose the currency: a column that holds it, or one currency for the whole file.");
        if (CurrencyColumn is not null && !header.Contains(CurrencyColumn))
            problems.Add($"The currency column \"{CurrencyColumn}\" is not in the file.");
        if (FixedCurrency is not null && !Model.Money.IsIsoCurrencyCode(FixedCurrency))
            problems.Add($"\"{FixedCurrency}\" is not a three-letter currency code such as USD or EUR.");
        if (DecimalSeparator is not ("." or ","))
            problems.Add("The decimal separator must be \".\" or \",\".");
        return problems;
    }
}

/// <summary>One column's mapping: its header, the canonical field, and per-column overrides of the date format and decimal separator.</summary>
public sealed record CsvColumnMapping(string Column, string Field)
{
    public string? DateFormat { get; init; }

    public string? DecimalSeparator { get; init; }
}
