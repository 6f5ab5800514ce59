using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Nexus.Core.Quality.Cleansing;

/// <summary>
/// ISO 3166-1 alpha-2 codes, and the names, alpha-3 codes and local spellings merchants type instead of them.
/// A fixed table rather than <see cref="RegionInfo"/>: it must give the same answer with invariant globalization
/// and on every OS, and RegionInfo does not know local names such as "Deutschland".
/// </summary>
public static class Countries
{
    /// <summary>Every officially assigned ISO 3166-1 alpha-2 code.</summary>
    public static readonly FrozenSet<string> Alpha2 = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    // Keys are folded (upper case, no diacritics, no punctuation): see Fold.
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["UNITED STATES"] = "US", ["UNITED STATES OF AMERICA"] = "US", ["USA"] = "US", ["AMERICA"] = "US", ["US OF A"] = "US",
        ["UNITED KINGDOM"] = "GB", ["UK"] = "GB", ["GREAT BRITAIN"] = "GB", ["BRITAIN"] = "GB", ["ENGLAND"] = "GB", ["SCOTLAND"] = "GB", ["WALES"] = "GB", ["NORTHERN IRELAND"] = "GB", ["GBR"] = "GB",
        ["GERMANY"] = "DE", ["DEUTSCHLAND"] = "DE", ["DEU"] = "DE", ["ALLEMAGNE"] = "DE",
        ["FRANCE"] = "FR", ["FRA"] = "FR", ["FRANKREICH"] = "FR",
        ["SPAIN"] = "ES", ["ESPANA"] = "ES", ["ESP"] = "ES",
        ["POLAND"] = "PL", ["POLSKA"] = "PL", ["POL"] = "PL",
        ["SWEDEN"] = "SE", ["SVERIGE"] = "SE", ["SWE"] = "SE",
        ["JAPAN"] = "JP", ["NIPPON"] = "JP", ["NIHON"] = "JP", ["日本"] = "JP", ["JPN"] = "JP",
        ["RUSSIA"] = "RU", ["RUSSIAN FEDERATION"] = "RU", ["РОССИЯ"] = "RU", ["RUS"] = "RU",
        ["GREECE"] = "GR", ["ΕΛΛΑΔΑ"] = "GR", ["ΕΛΛΑΣ"] = "GR", ["HELLAS"] = "GR", ["GRC"] = "GR",
        ["BRAZIL"] = "BR", ["BRASIL"] = "BR", ["BRA"] = "BR",
        ["CANADA"] = "CA", ["CAN"] = "CA", ["MEXICO"] = "MX", ["MEX"] = "MX",
        ["ITALY"] = "IT", ["ITALIA"] = "IT", ["ITA"] = "IT", ["NETHERLANDS"] = "NL", ["THE NETHERLANDS"] = "NL", ["HOLLAND"] = "NL", ["NEDERLAND"] = "NL", ["NLD"] = "NL",
        ["BELGIUM"] = "BE", ["BELGIQUE"] = "BE", ["BELGIE"] = "BE", ["AUSTRIA"] = "AT", ["OSTERREICH"] = "AT", ["AUT"] = "AT",
        ["SWITZERLAND"] = "CH", ["SCHWEIZ"] = "CH", ["SUISSE"] = "CH", ["CHE"] = "CH", ["PORTUGAL"] = "PT", ["PRT"] = "PT",
        ["IRELAND"] = "IE", ["EIRE"] = "IE", ["IRL"] = "IE", ["DENMARK"] = "DK", ["DANMARK"] = "DK", ["NORWAY"] = "NO", ["NORGE"] = "NO",
        ["FINLAND"] = "FI", ["SUOMI"] = "FI", ["AUSTRALIA"] = "AU", ["AUS"] = "AU", ["NEW ZEALAND"] = "NZ", ["CHINA"] = "CN", ["中国"] = "CN",
        ["INDIA"] = "IN", ["SOUTH KOREA"] = "KR", ["KOREA"] = "KR", ["CZECHIA"] = "CZ", ["CZECH REPUBLIC"] = "CZ", ["TURKEY"] = "TR", ["TURKIYE"] = "TR",
        ["UKRAINE"] = "UA", ["ARGENTINA"] = "AR", ["CHILE"] = "CL", ["COLOMBIA"] = "CO", ["SOUTH AFRICA"] = "ZA", ["ISRAEL"] = "IL",
        ["UNITED ARAB EMIRATES"] = "AE", ["UAE"] = "AE", ["SINGAPORE"] = "SG", ["HONG KONG"] = "HK", ["TAIWAN"] = "TW",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsAlpha2(string? code) => code is { Length: 2 } && Alpha2.Contains(code);

    /// <summary>The ISO alpha-2 code for a code, alpha-3 code or name in any case; null when it is not recognised.</summary>
    public static string? ToAlpha2(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Alpha2.Contains(text)) return text; // the common case: already a code; no allocation
        var folded = Fold(text);
        if (folded.Length == 2 && Alpha2.Contains(folded)) return folded;
        return Aliases.GetValueOrDefault(folded);
    }

    /// <summary>Upper case, diacritics removed, punctuation dropped, runs of spaces collapsed: "España " → "ESPANA".</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '.' or ',' or '\'') continue;
            if (char.IsWhiteSpace(c) || c == '-') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
