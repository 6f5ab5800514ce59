using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Nexus.Core.Quality.Rules;

/// <summary>Postcode formats for the countries Nexus stores sell to most; other countries are not checked (unknown ≠ wrong).</summary>
public static partial class PostalCodes
{
    private static readonly FrozenDictionary<string, Regex> Formats = new Dictionary<string, Regex>
    {
        ["US"] = Us(), ["DE"] = FiveDigits(), ["FR"] = FiveDigits(), ["ES"] = FiveDigits(), ["IT"] = FiveDigits(),
        ["GB"] = Gb(), ["PL"] = Pl(), ["SE"] = ThreeTwo(), ["GR"] = ThreeTwo(), ["JP"] = Jp(), ["RU"] = SixDigits(),
        ["BR"] = Br(), ["CA"] = Ca(), ["NL"] = Nl(), ["AU"] = FourDigits(), ["AT"] = FourDigits(), ["BE"] = FourDigits(),
        ["CH"] = FourDigits(), ["DK"] = FourDigits(), ["NO"] = FourDigits(), ["PT"] = Pt(), ["IN"] = SixDigits(), ["MX"] = FiveDigits(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Null when the country's format is not known.</summary>
    public static bool? Fits(string country, string postcode) =>
        Formats.TryGetValue(country, out var format) ? format.IsMatch(postcode) : null;

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")] private static partial Regex Us();
    [GeneratedRegex(@"^\d{5}$")] private static partial Regex FiveDigits();
    [GeneratedRegex(@"^\d{4}$")] private static partial Regex FourDigits();
    [GeneratedRegex(@"^\d{6}$")] private static partial Regex SixDigits();
    [GeneratedRegex(@"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")] private static partial Regex Gb();
    [GeneratedRegex(@"^\d{2}-\d{3}$")] private static partial Regex Pl();
    [GeneratedRegex(@"^\d{3} ?\d{2}$")] private static partial Regex ThreeTwo();
    [GeneratedRegex(@"^\d{3}-?\d{4}$")] private static partial Regex Jp();
    [GeneratedRegex(@"^\d{5}-?\d{3}$")] private static partial Regex Br();
    [GeneratedRegex(@"^[A-Z]\d[A-Z] ?\d[A-Z]\d$")] private static partial Regex Ca();
    [GeneratedRegex(@"^\d{4} ?[A-Z]{2}$")] private static partial Regex Nl();
    [GeneratedRegex(@"^\d{4}-\d{3}$")] private static partial Regex Pt();
}
