using System.Text;

namespace Nexus.Core.Quality.Cleansing;

/// <summary>Whitespace and case rules shared by every cleanser. Each returns its input instance when nothing changes,
/// so the caller can tell "changed" by reference and the common clean record allocates nothing.</summary>
public static class TextCleanser
{
    /// <summary>Trims, collapses runs of whitespace (tabs, newlines, no-break spaces) to one space, composes to NFC; blank → null.</summary>
    public static string? Whitespace(string? value)
    {
        if (value is null) return null;
        if (NeedsNoWork(value)) return value;
        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        if (sb.Length == 0) return null;
        var result = sb.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Trimmed and lower-cased (invariant): e-mail addresses compare case-insensitively in practice.</summary>
    public static string? Email(string? value)
    {
        var trimmed = Whitespace(value);
        if (trimmed is null) return null;
        foreach (var c in trimmed)
            if (char.IsUpper(c)) return trimmed.ToLowerInvariant();
        return trimmed;
    }

    /// <summary>Whitespace-cleaned and upper-cased: "sw1a 1aa" → "SW1A 1AA".</summary>
    public static string? Upper(string? value)
    {
        var cleaned = Whitespace(value);
        if (cleaned is null) return null;
        foreach (var c in cleaned)
            if (char.IsLower(c)) return cleaned.ToUpperInvariant();
        return cleaned;
    }

    /// <summary>Trimmed and lower-cased (invariant); the same instance when it already is.</summary>
    public static string? Lower(string? value)
    {
        var cleaned = Whitespace(value);
        if (cleaned is null) return null;
        foreach (var c in cleaned)
            if (char.IsUpper(c)) return cleaned.ToLowerInvariant();
        return cleaned;
    }

    /// <summary>One pass: no edge or doubled spaces, no other whitespace or control characters, and already NFC.</summary>
    private static bool NeedsNoWork(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return false;
        var previousSpace = false;
        var max = '\0';
        foreach (var c in value)
        {
            if (c > max) max = c;
            if (c == ' ') { if (previousSpace) return false; previousSpace = true; }
            else if (c < 0x80 ? c < 0x20 || c == 0x7F : char.IsWhiteSpace(c) || char.IsControl(c)) return false;
            else previousSpace = false;
        }
        // Below U+0300 (where combining marks start) every string is already NFC, so the (costly) ICU check is
        // needed only for text with combining marks or scripts that compose (Greek, Hangul, …).
        return max < '\u0300' || value.IsNormalized(NormalizationForm.FormC);
    }
}
