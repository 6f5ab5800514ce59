using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nexus.Core.Platforms.Magento;

/// <summary>
/// Renders Magento's error bodies, <c>{"message": "Invalid product data: %1", "parameters": ["…"]}</c>, into the
/// sentence a person reads. Parameters are positional (<c>%1</c> is the first) when <c>parameters</c> is an array
/// and named (<c>%resources</c>, <c>%fieldName</c>) when it is an object. A placeholder without a value stays as
/// written, so nothing is silently lost. Input exceptions list more errors under <c>errors</c>; they are appended.
/// </summary>
public static partial class MagentoErrorMessage
{
    /// <summary>Fills the placeholders of one message.</summary>
    public static string Render(string message, JsonElement parameters)
    {
        if (parameters.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object) || message.IndexOf('%') < 0)
            return message;
        return Placeholder().Replace(message, match =>
        {
            var key = match.Groups[1].Value;
            JsonElement value = default;
            var found = parameters.ValueKind == JsonValueKind.Array
                ? int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= parameters.GetArrayLength() && (value = parameters[position - 1]).ValueKind != JsonValueKind.Undefined
                : parameters.TryGetProperty(key, out value);
            return found ? Text(value) : match.Value;
        });
    }

    /// <summary>The rendered message of an error body, or null when the body is not a Magento error (not JSON, no <c>message</c>).</summary>
    public static string? TryRender(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return TryRender(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="TryRender(ReadOnlySpan{byte})"/>
    public static string? TryRender(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
            return null;
        var text = new StringBuilder(Render(message.GetString()!, body.TryGetProperty("parameters", out var p) ? p : default));
        if (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            foreach (var error in errors.EnumerateArray())
                if (TryRender(error) is { } inner)
                    text.Append(text.Length > 0 && text[^1] is '.' or '!' or '?' ? " " : ". ").Append(inner);
        return text.ToString();
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    // %1, %2 … or %name; Magento's own Phrase renderer uses the same two forms.
    [GeneratedRegex(@"%(\d+|[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
