using System.Globalization;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// The part of Shopify's search syntax a sync uses: <c>updated_at</c> / <c>created_at</c> with <c>:</c>, <c>:&gt;</c>,
/// <c>:&gt;=</c>, <c>:&lt;</c>, <c>:&lt;=</c>, quoted or bare ISO 8601 values, terms joined by spaces or AND. Anything
/// else is ignored with a warning in <c>extensions.search</c>, as Shopify does for a field it does not know.
/// </summary>
public sealed class ShopifySearchQuery
{
    private readonly List<(string Field, string Op, DateTime Value)> _terms = [];

    public IReadOnlyList<string> Warnings { get; private init; } = [];

    public bool IsEmpty => _terms.Count == 0;

    public static ShopifySearchQuery Parse(string? query)
    {
        var warnings = new List<string>();
        var result = new ShopifySearchQuery { Warnings = warnings };
        foreach (var token in Tokens(query ?? ""))
        {
            if (token is "AND") continue;
            var colon = token.IndexOf(':');
            if (colon <= 0)
            {
                warnings.Add($"Free-text search '{token}' is not supported by the sandbox and was ignored.");
                continue;
            }
            var field = token[..colon];
            var rest = token[(colon + 1)..];
            var op = rest.StartsWith(">=", StringComparison.Ordinal) ? ">=" : rest.StartsWith("<=", StringComparison.Ordinal) ? "<="
                : rest.StartsWith('>') ? ">" : rest.StartsWith('<') ? "<" : "=";
            var value = rest[(op == "=" ? 0 : op.Length)..].Trim('\'', '"');
            if (field is not ("updated_at" or "created_at"))
            {
                warnings.Add($"Invalid search field for this query: {field}.");
                continue;
            }
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                warnings.Add($"Invalid date for {field}: {value}.");
                continue;
            }
            result._terms.Add((field, op, at.UtcDateTime));
        }
        return result;
    }

    public bool Matches(DateTime createdUtc, DateTime updatedUtc)
    {
        foreach (var (field, op, value) in _terms)
        {
            var actual = field == "created_at" ? createdUtc : updatedUtc;
            var ok = op switch
            {
                ">=" => actual >= value,
                ">" => actual > value,
                "<=" => actual <= value,
                "<" => actual < value,
                _ => actual == value,
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>Splits on spaces outside quotes: <c>updated_at:&gt;='2025-01-01T00:00:00Z' AND …</c>.</summary>
    private static IEnumerable<string> Tokens(string query)
    {
        var start = -1;
        char? quote = null;
        for (var k = 0; k <= query.Length; k++)
        {
            var c = k < query.Length ? query[k] : ' ';
            if (quote is not null)
            {
                if (c == quote) quote = null;
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                if (start < 0) start = k;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (start >= 0) yield return query[start..k];
                start = -1;
            }
            else if (start < 0) start = k;
        }
    }
}
