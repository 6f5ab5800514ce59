namespace Nexus.Core.Exports;

/// <summary>RFC 4180 field quoting, shared by every CSV Nexus writes.</summary>
public static class Csv
{
    /// <summary>Quotes a field holding a comma, quote or line break (doubling its quotes); null becomes empty.</summary>
    public static string Quote(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
