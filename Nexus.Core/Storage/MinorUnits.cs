using Nexus.Core.Model;

namespace Nexus.Core.Storage;

/// <summary>
/// Money in the database is an integer count of the currency's minor units (SQLite has no decimal type), so
/// sums and averages run in SQL without floating-point drift. ISO 4217 exponents: most currencies have 2.
/// </summary>
public static class MinorUnits
{
    private static readonly HashSet<string> ZeroDecimal = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> ThreeDecimal = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>Currencies without minor units (for SQL that scales amounts per currency, e.g. currency conversion).</summary>
    public static IReadOnlyCollection<string> ZeroDecimalCurrencies => ZeroDecimal;

    /// <summary>Currencies with three decimals.</summary>
    public static IReadOnlyCollection<string> ThreeDecimalCurrencies => ThreeDecimal;

    /// <summary>Minor units per major unit (100 for USD, 1 for JPY).</summary>
    public static long MinorPerMajor(string currency) => Pow10(Exponent(currency));

    public static int Exponent(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    public static long ToMinor(Money money) => ToMinor(money.Amount, money.Currency);

    public static long ToMinor(decimal amount, string currency) =>
        (long)decimal.Round(amount * Pow10(Exponent(currency)), 0, MidpointRounding.AwayFromZero);

    public static decimal FromMinor(long minor, string currency) => minor / (decimal)Pow10(Exponent(currency));

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 3 => 1000, _ => 100 };
}
