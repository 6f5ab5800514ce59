using System.Globalization;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// Reads typed values out of CSV cells, recording an issue (column, value, rule, message) instead of throwing so
/// one record reports every bad cell. Empty cells are "absent", never zero or an error, unless required.
/// </summary>
public sealed class CsvValues(CsvHeader header, MappingIssueCollector issues)
{
    /// <summary>Shopify's export format ("2024-01-15 10:30:00 -0500") first, then ISO 8601 variants.</summary>
    public static readonly string[] ExportDateFormats =
        ["yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    public MappingIssueCollector Issues => issues;

    /// <summary>The trimmed cell, or null when it is empty or only spaces (a required cell of spaces is missing, not "").</summary>
    public static string? Text(CsvRow row, int column) => row[column].Trim() is { Length: > 0 } text ? text : null;

    public string? Required(CsvRow row, int column, string what)
    {
        var text = Text(row, column);
        if (text is null)
            issues.Add(Name(column, what), null, MappingRules.Required, $"{what} is empty (line {row.LineNumber}).");
        return text;
    }

    public decimal? Decimal(CsvRow row, int column, char decimalSeparator = '.')
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        if (TryDecimal(text, decimalSeparator, out var value))
            return value;
        issues.Add(Name(column), text, MappingRules.Decimal, $"\"{text}\" in column {Name(column)} is not a number (line {row.LineNumber}).");
        return null;
    }

    public Money Money(CsvRow row, int column, string currency, char decimalSeparator = '.') => new(Decimal(row, column, decimalSeparator) ?? 0m, currency);

    public Money? OptionalMoney(CsvRow row, int column, string currency, char decimalSeparator = '.') =>
        Decimal(row, column, decimalSeparator) is { } amount ? new Money(amount, currency) : null;

    public int? Integer(CsvRow row, int column)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        if (TryDecimal(text, '.', out var d) && d == Math.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        issues.Add(Name(column), text, MappingRules.Integer, $"\"{text}\" in column {Name(column)} is not a whole number (line {row.LineNumber}).");
        return null;
    }

    /// <param name="format">An exact .NET date format, or null for <see cref="ExportDateFormats"/>.</param>
    public DateTimeOffset? Date(CsvRow row, int column, string? format = null)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        if (TryDate(text, format, out var value))
            return value;
        issues.Add(Name(column), text, MappingRules.DateTime,
            format is null
                ? $"\"{text}\" in column {Name(column)} is not a date Nexus recognises (line {row.LineNumber}); map the column with its date format."
                : $"\"{text}\" in column {Name(column)} does not match the date format {format} (line {row.LineNumber}).");
        return null;
    }

    public string? Currency(CsvRow row, int column)
    {
        var text = Text(row, column)?.ToUpperInvariant();
        if (Model.Money.IsIsoCurrencyCode(text))
            return text;
        issues.Add(Name(column, "Currency"), text, MappingRules.CurrencyCode,
            $"\"{text}\" in column {Name(column, "Currency")} is not a three-letter currency code such as USD or EUR (line {row.LineNumber}).");
        return null;
    }

    /// <summary>
    /// A number with the given decimal separator; the other separator is accepted only as a thousands separator
    /// in groups of three ("1,234.50"), so "12,50" read with '.' fails instead of becoming 1250. Currency symbols
    /// and spaces around the number are ignored.
    /// </summary>
    public static bool TryDecimal(string text, char decimalSeparator, out decimal value)
    {
        const NumberStyles plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (decimalSeparator == '.' && text.AsSpan().IndexOfAnyExcept("0123456789.-") < 0)
            return decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out value); // the common case, no regex

        value = 0;
        var s = text.Trim().Trim('$', '€', '£', '¥').Trim().Replace("\u00a0", "", StringComparison.Ordinal);
        var thousands = decimalSeparator == ',' ? '.' : ',';
        var pattern = decimalSeparator == ','
            ? @"^[-+]?(\d{1,3}([. ]\d{3})+|\d+)(,\d+)?$"
            : @"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$";
        if (!System.Text.RegularExpressions.Regex.IsMatch(s, pattern))
            return false;
        s = s.Replace(thousands.ToString(), "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (decimalSeparator == ',')
            s = s.Replace(',', '.');
        return decimal.TryParse(s, plain, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Dates without an offset are taken as UTC, so the same file always gives the same instants.</summary>
    public static bool TryDate(string text, string? format, out DateTimeOffset value)
    {
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        var s = text.Trim();
        if (format is null && TryShopifyDate(s, out value))
            return true;
        return format is null
            ? DateTimeOffset.TryParseExact(s, ExportDateFormats, CultureInfo.InvariantCulture, styles, out value)
            : DateTimeOffset.TryParseExact(s, format, CultureInfo.InvariantCulture, styles, out value);
    }

    /// <summary>"2024-01-15 10:30:00 -0500" without the general parser: an orders export has several per order.</summary>
    private static bool TryShopifyDate(string s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length != 25 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || s[19] != ' ' || s[20] is not ('+' or '-'))
            return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) || !Digits(s, 11, 2, out var hour)
            || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second) || !Digits(s, 21, 2, out var offsetHours) || !Digits(s, 23, 2, out var offsetMinutes))
            return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59)
            return false;
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        value = new DateTimeOffset(year, month, day, hour, minute, second, s[20] == '-' ? -offset : offset);
        return true;
    }

    private static bool Digits(string s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return false;
            value = value * 10 + (s[i] - '0');
        }

        return value >= 0 && (length != 4 || value >= 1);
    }

    /// <summary>Extras hold raw JSON per key; CSV cells are strings.</summary>
    public static IReadOnlyDictionary<string, string> Extras(IEnumerable<(string Key, string? Value)> values)
    {
        Dictionary<string, string>? extras = null;
        foreach (var (key, value) in values)
        {
            if (!string.IsNullOrEmpty(value))
                (extras ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = JsonString(value);
        }

        return extras ?? Model.Extras.Empty;
    }

    private static readonly System.Buffers.SearchValues<char> NeedsEscaping =
        System.Buffers.SearchValues.Create("\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>
    /// A JSON string literal with only the escapes JSON requires (quote, backslash, control characters), so
    /// extras stay readable ("Müller", "&lt;p&gt;") and the common cell needs no serializer at all.
    /// </summary>
    internal static string JsonString(string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsEscaping) < 0)
            return string.Concat("\"", value, "\"");
        var json = new System.Text.StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                < ' ' => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    public string Name(int column, string? fallback = null) => column >= 0 ? header.Names[column] : fallback ?? "?";
}
