using System.Collections.Frozen;

namespace Nexus.Core.Quality.Cleansing;

/// <summary>How one country writes phone numbers: its calling code, the trunk prefix dialled before national
/// numbers (dropped in E.164) and the length range of its national significant numbers.</summary>
public sealed record CallingPlan(string Country, string Code, string? Trunk, int MinDigits, int MaxDigits);

public enum PhoneVerdict
{
    /// <summary>Parsed and its length fits the country's plan.</summary>
    Valid,
    /// <summary>A well-formed international number whose calling code this table does not cover: shape checked only.</summary>
    ShapeOnly,
    /// <summary>National format, and no country to read it with.</summary>
    NoCountry,
    /// <summary>Letters, too short, too long, or the wrong length for the country.</summary>
    Invalid,
}

/// <summary>
/// A small, honest E.164 normaliser: strips formatting, reads "+" / "00" international numbers and national numbers
/// with the address's country, drops trunk prefixes, and checks the national length range for the countries in the
/// table. It is not libphonenumber: it does not know area codes or number ranges, so "Valid" means "a plausible
/// number of the right length for that country", never "this line exists".
/// </summary>
public static class PhoneNumbers
{
    public static readonly IReadOnlyList<CallingPlan> Plans =
    [
        new("US", "1", "1", 10, 10), new("CA", "1", "1", 10, 10), new("GB", "44", "0", 9, 10), new("DE", "49", "0", 6, 13),
        new("FR", "33", "0", 9, 9), new("ES", "34", null, 9, 9), new("PL", "48", null, 9, 9), new("SE", "46", "0", 7, 10),
        new("JP", "81", "0", 9, 10), new("RU", "7", "8", 10, 10), new("GR", "30", null, 10, 10), new("BR", "55", "0", 10, 11),
        new("IT", "39", null, 6, 11), new("NL", "31", "0", 9, 9), new("BE", "32", "0", 8, 9), new("AT", "43", "0", 4, 13),
        new("CH", "41", "0", 9, 9), new("PT", "351", null, 9, 9), new("IE", "353", "0", 7, 9), new("DK", "45", null, 8, 8),
        new("NO", "47", null, 8, 8), new("FI", "358", "0", 5, 12), new("AU", "61", "0", 9, 9), new("NZ", "64", "0", 8, 10),
        new("MX", "52", null, 10, 10), new("IN", "91", "0", 10, 10), new("CN", "86", "0", 11, 11),
    ];

    private static readonly FrozenDictionary<string, CallingPlan> ByCountry = Plans.ToFrozenDictionary(p => p.Country, StringComparer.Ordinal);

    // NANP shares +1 between US and CA (same rules), so the first plan per code is enough for length checks.
    private static readonly FrozenDictionary<string, CallingPlan> ByCode = Plans.GroupBy(p => p.Code).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Normalises <paramref name="raw"/> to E.164 ("+4930123456"); <paramref name="country"/> (alpha-2) reads national numbers.</summary>
    public static PhoneVerdict TryNormalize(string? raw, string? country, out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(raw)) return PhoneVerdict.Invalid;
        Span<char> digits = stackalloc char[32];
        var count = 0;
        var international = false;
        var span = raw.AsSpan().Trim();
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length) return PhoneVerdict.Invalid;
                digits[count++] = c;
            }
            else if (c == '+' && count == 0 && !international) international = true;
            else if (c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0') continue;
            else return PhoneVerdict.Invalid; // letters, "n/a", extensions: not a dialable number as written
        }
        var number = new string(digits[..count]);
        var plan = country is null ? null : ByCountry.GetValueOrDefault(country);
        // The exit code dialled before an international number: 011 in North America, 00 nearly everywhere else.
        // "(004) 795-8424" in the US is a national number, not a call to Norway.
        var exitCode = plan?.Code == "1" ? "011" : "00";
        if (!international && number.StartsWith(exitCode, StringComparison.Ordinal))
            (international, number) = (true, number[exitCode.Length..]);

        if (international) return International(number, out e164);

        if (plan is null)
            return number.Length is >= 6 and <= 15 ? PhoneVerdict.NoCountry : PhoneVerdict.Invalid;
        // Drop the trunk prefix when what remains is still long enough for the plan: "030 1234567" → 30 1234567, while
        // a US number whose area code happens to start with 1 keeps all ten digits.
        if (plan.Trunk is { } trunk && number.StartsWith(trunk, StringComparison.Ordinal) && number.Length - trunk.Length >= plan.MinDigits)
            number = number[trunk.Length..];
        if (number.Length < plan.MinDigits || number.Length > plan.MaxDigits) return PhoneVerdict.Invalid;
        e164 = "+" + plan.Code + number;
        return PhoneVerdict.Valid;
    }

    private static PhoneVerdict International(string number, out string? e164)
    {
        e164 = null;
        if (number.Length is < 7 or > 15 || number[0] == '0') return PhoneVerdict.Invalid;
        for (var length = 1; length <= 3; length++)
        {
            if (!ByCode.TryGetValue(number[..length], out var plan)) continue;
            var national = number[length..];
            // "+44 (0)20 …": a trunk zero written after the country code is common and never dialled.
            if (plan.Trunk is { } trunk && national.Length > plan.MaxDigits && national.StartsWith(trunk, StringComparison.Ordinal))
                national = national[trunk.Length..];
            if (national.Length < plan.MinDigits || national.Length > plan.MaxDigits) return PhoneVerdict.Invalid;
            e164 = "+" + plan.Code + national;
            return PhoneVerdict.Valid;
        }
        e164 = "+" + number;
        return PhoneVerdict.ShapeOnly;
    }

    /// <summary>True when the number is usable as written or after normalisation (valid, or well-formed international).</summary>
    public static bool IsUsable(PhoneVerdict verdict) => verdict is PhoneVerdict.Valid or PhoneVerdict.ShapeOnly;
}
