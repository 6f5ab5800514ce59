using System.Globalization;

namespace Nexus.Core.Exports;

/// <summary>RFC 4180 field quoting and formula defusing, shared by every CSV Nexus writes.</summary>
public static class Csv
{
    /// <summary>Quotes a field holding a comma, quote or line break (doubling its quotes); null becomes empty.</summary>
    public static string Quote(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>
    /// The one way Nexus writes a CSV field: formulas defused, then quoted. A shop's data is untrusted, and a value
    /// such as <c>=HYPERLINK(…)</c>, <c>+cmd|…</c>, <c>@SUM(…)</c> or an e-mail <c>=1+1@evil.example</c> would run when
    /// the merchant opens the file in a spreadsheet (OWASP "CSV injection"): such a value gets a leading apostrophe,
    /// which spreadsheets show as text. Plain numbers (<c>-12.50</c>) are left alone so amounts stay numeric.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (IsFormulaLike(value)) value = "'" + value;
        return Quote(value);
    }

    /// <summary>Starts with a character a spreadsheet treats as the start of a formula, and is not just a number.</summary>
    public static bool IsFormulaLike(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n'
        && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
