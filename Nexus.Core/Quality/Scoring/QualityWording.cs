using System.Globalization;
using System.Text.RegularExpressions;
using Nexus.Core.Quality.Rules;

namespace Nexus.Core.Quality.Scoring;

/// <summary>
/// Quality findings in a merchant's words: a rule's message without its template placeholders (ids belong in
/// tooltips and details, not headings), stored values as people read them, and quarantine reasons without repeats.
/// </summary>
public static partial class QualityWording
{
    /// <summary>The rule's message as a sentence, "{value}" and its lead-in removed; the id when the rule is unknown.</summary>
    public static string Describe(IQualityRule? rule, string ruleId)
    {
        if (rule is null) return ruleId;
        var text = Placeholder().Replace(rule.Message, "").Trim();
        text = text.TrimEnd(':', ' ', '.', '…').Trim();
        return text.Length == 0 ? ruleId : text + ".";
    }

    /// <summary>A stored value for display: round-trip timestamps ("2027-02-28T06:58:45.0000000+00:00") as "28 Feb 2027 06:58 UTC".</summary>
    public static string? Value(string? value)
    {
        if (value is null || value.Length < 19 || value[4] != '-' || value[10] != 'T') return value;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.ToUniversalTime().ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC"
            : value;
    }

    /// <summary>Quarantine reasons, one per line, each said once (a record failing one rule on two fields repeats it).</summary>
    public static IReadOnlyList<string> Reasons(string reasons) =>
        reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(PlainReason).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"field: message (rule.id, value: x)" → "message": the rule id and raw value stay in the details.</summary>
    private static string PlainReason(string line)
    {
        var detail = line.LastIndexOf(" (", StringComparison.Ordinal);
        var text = detail > 0 ? line[..detail] : line;
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !text[..colon].Contains(' ') ? text[(colon + 2)..] : text;
    }

    [GeneratedRegex(@"\s*[:(]?\s*[""'‘“]?\{value\}[""'’”]?\)?", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
