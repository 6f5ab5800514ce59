using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.WooCommerce.Dto.Converters;

/// <summary>
/// Money and quantities: WooCommerce sends "12.00" strings, bare numbers (line-item <c>price</c>), and
/// "" or null for "no value". Parsing is culture-free (a "12,50" is refused rather than read as 1250 on
/// a de-DE server), so the same bytes give the same amount on every machine.
/// </summary>
public sealed class LooseDecimalConverter : JsonConverter<decimal?>
{
    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetDecimal(out var number):
                return number;
            case JsonTokenType.String:
                var text = JsonToken.IsPlainString(in reader) ? JsonToken.Utf8(in reader) : System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);
                if (text.IsEmpty)
                    return null;
                // Utf8Parser is invariant by construction; the 'G' format does not accept thousands separators.
                if (Utf8Parser.TryParse(text, out decimal parsed, out var consumed) && consumed == text.Length)
                    return parsed;
                if (decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed))
                    return parsed;
                break;
        }

        throw new FieldFormatException(JsonToken.Describe(in reader), MappingRules.Decimal, $"'{JsonToken.Describe(in reader)}' is not a number in invariant culture.");
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value.Value.ToString(CultureInfo.InvariantCulture));
    }
}
