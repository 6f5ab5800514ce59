using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Nexus.Core.Platforms.WooCommerce.Dto.Converters;

/// <summary>Helpers shared by the tolerant converters.</summary>
internal static class JsonToken
{
    /// <summary>The token's raw UTF-8 text without allocating when the reader holds it contiguously.</summary>
    public static ReadOnlySpan<byte> Utf8(ref readonly Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;

    /// <summary>The token as text for an issue report (only called on the failure path).</summary>
    public static string Describe(ref readonly Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? "",
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => Encoding.UTF8.GetString(Utf8(in reader)),
        _ => reader.TokenType.ToString(),
    };

    /// <summary>Strings with escapes (rare in numbers) need unescaping before parsing.</summary>
    public static bool IsPlainString(ref readonly Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped;
}
