using System.Collections.Frozen;

namespace Nexus.Core.Quality.Rules;

/// <summary>
/// Pragmatic e-mail syntax (what mail systems accept in practice, not all of RFC 5322): one '@', a local part of
/// 1–64 characters without spaces, a domain of dot-separated labels (letters, digits, hyphens; Unicode letters for
/// internationalised domains) ending in a top-level domain of at least two letters.
/// </summary>
public static class EmailAddress
{
    public static readonly FrozenSet<string> DisposableDomains = new[]
    {
        "mailinator.com", "guerrillamail.com", "10minutemail.com", "tempmail.com", "temp-mail.org", "yopmail.com",
        "trashmail.com", "sharklasers.com", "getnada.com", "dispostable.com", "maildrop.cc", "throwawaymail.com",
        "fakeinbox.com", "mailnesia.com", "mintemail.com", "spamgourmet.com", "emailondeck.com", "moakt.com",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Common misspellings of big mail providers and what was meant.</summary>
    public static readonly FrozenDictionary<string, string> DomainTypos = new Dictionary<string, string>
    {
        ["gmial.com"] = "gmail.com", ["gmai.com"] = "gmail.com", ["gamil.com"] = "gmail.com", ["gmail.co"] = "gmail.com", ["gnail.com"] = "gmail.com",
        ["hotmial.com"] = "hotmail.com", ["hotmai.com"] = "hotmail.com", ["hotmail.co"] = "hotmail.com", ["yaho.com"] = "yahoo.com",
        ["yahooo.com"] = "yahoo.com", ["outlok.com"] = "outlook.com", ["outloo.com"] = "outlook.com", ["iclod.com"] = "icloud.com",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > 254) return false;
        var at = email.IndexOf('@');
        if (at <= 0 || at > 64 || at != email.LastIndexOf('@')) return false;
        var local = email.AsSpan(0, at);
        foreach (var c in local)
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '(' or ')' or ',' or ';' or ':' or '<' or '>' or '[' or ']' or '"' or '\\') return false;
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        return IsValidDomain(email.AsSpan(at + 1));
    }

    public static string? Domain(string? email) => email is null || email.IndexOf('@') is var at && at < 0 ? null : email[(at + 1)..];

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        // No upper bound here: the 254-character limit on the whole address already keeps the domain within 252.
        if (domain.IsEmpty) return false;
        var labels = 0;
        ReadOnlySpan<char> last = default;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
                if (!(char.IsLetterOrDigit(c) || c == '-')) return false;
            labels++;
            last = label;
        }
        if (labels < 2 || last.Length < 2) return false;
        foreach (var c in last)
            if (!char.IsLetter(c)) return false;
        return true;
    }
}
