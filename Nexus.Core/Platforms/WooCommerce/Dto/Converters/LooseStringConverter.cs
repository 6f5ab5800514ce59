using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.WooCommerce.Dto.Converters;

/// <summary>
/// Text fields that plugins sometimes fill with a number or boolean (a numeric SKU, a postcode as an
/// int): the token's text is kept as written instead of failing the record.
/// </summary>
public sealed class LooseStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(JsonToken.Utf8(in reader)),
        JsonTokenType.Null => null,
        _ => throw new FieldFormatException(reader.TokenType.ToString(), MappingRules.JsonShape, $"Expected text, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
