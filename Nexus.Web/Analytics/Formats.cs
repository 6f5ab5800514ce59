using System.Globalization;

namespace Nexus.Web.Analytics;

/// <summary>How analytics pages write numbers: one place so tiles, tables and tooltips agree.</summary>
public static class Formats
{
    public static string Money(decimal amount, string? currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:N2} {currency}");

    public static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "–";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"+12.3 %" / "−4.0 %" vs the previous period, or "new" when there was nothing to compare with.</summary>
    public static string Delta(double? change, bool previousWasZero) =>
        change is { } c ? (c >= 0 ? "+" : "−") + Math.Abs(c).ToString("P1", CultureInfo.InvariantCulture) : previousWasZero ? "no previous data" : "–";
}
