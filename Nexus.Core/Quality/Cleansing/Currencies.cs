using System.Collections.Frozen;

namespace Nexus.Core.Quality.Cleansing;

/// <summary>Active ISO 4217 currency codes, and the symbols and lower-case spellings exports use instead.</summary>
public static class Currencies
{
    public static readonly FrozenSet<string> Active = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP " +
        "CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR " +
        "ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT " +
        "MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD " +
        "SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND " +
        "VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["$"] = "USD", ["US$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₽"] = "RUB", ["zł"] = "PLN", ["ZŁ"] = "PLN",
        ["R$"] = "BRL", ["KR"] = "SEK", ["₹"] = "INR", ["₩"] = "KRW", ["₺"] = "TRY", ["₴"] = "UAH", ["C$"] = "CAD", ["A$"] = "AUD",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsActive(string? code) => code is { Length: 3 } && Active.Contains(code);

    /// <summary>"usd", " Eur ", "€" → the ISO code; null when the text names no active currency.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Active.Contains(text)) return text; // the common case, without allocating
        var trimmed = text.Trim();
        if (Symbols.TryGetValue(trimmed, out var bySymbol) || Symbols.TryGetValue(trimmed.ToUpperInvariant(), out bySymbol)) return bySymbol;
        var upper = trimmed.ToUpperInvariant();
        return Active.Contains(upper) ? upper : null;
    }
}
