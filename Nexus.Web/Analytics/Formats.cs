using System.Globalization;

namespace Nexus.Web.Analytics;

/// <summary>How analytics pages write numbers: one place so tiles, tables and tooltips agree.</summary>
public static class Formats
{
    /// <summary>No-break space between a figure and its unit, so "1,348.86 EUR" and "12.4 %" never wrap in the middle.</summary>
    private const char Nbsp = '\u00A0';

    public static string Money(decimal amount, string? currency) =>
        string.IsNullOrEmpty(currency) ? amount.ToString("N2", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{amount:N2}{Nbsp}{currency}");

    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("N1", CultureInfo.InvariantCulture) + Nbsp + "%" : "–";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"+12.3 %" / "−4.0 %" vs the previous period, or "new" when there was nothing to compare with.</summary>
    public static string Delta(double? change, bool previousWasZero) =>
        change is { } c ? (c >= 0 ? "+" : "−") + Percent(Math.Abs(c)) : previousWasZero ? "no previous data" : "–";

    /// <summary>
    /// A change between two rates in percentage points: a refund rate going from 3.9 % to 5.7 % is "+1.8 pp", not
    /// "+46 %" (a relative change of a percentage reads as if the rate itself had moved that much).
    /// </summary>
    public static string PointsDelta(double? points) =>
        points is { } p ? (p >= 0 ? "+" : "−") + (Math.Abs(p) * 100).ToString("N1", CultureInfo.InvariantCulture) + Nbsp + "pp" : "–";
}
