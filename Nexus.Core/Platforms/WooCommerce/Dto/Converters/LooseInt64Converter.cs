using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.WooCommerce.Dto.Converters;

/// <summary>
/// Ids and counts: normally JSON integers, but plugins and older stores send "42", "" or 42.0.
/// "" and null read as null (the mapper decides whether the field was required).
/// </summary>
public sealed class LooseInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                    return integer;
                if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
                    return (long)number;
                break;
            case JsonTokenType.String when JsonToken.IsPlainString(in reader):
                var text = JsonToken.Utf8(in reader);
                if (text.IsEmpty)
                    return null;
                if (Utf8Parser.TryParse(text, out long parsed, out var consumed) && consumed == text.Length)
                    return parsed;
                break;
        }

        throw new FieldFormatException(JsonToken.Describe(in reader), MappingRules.Integer, $"'{JsonToken.Describe(in reader)}' is not an integer.");
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteNumberValue(value.Value);
    }
}
