using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.WooCommerce.Dto.Converters;

/// <summary>WordPress stores flags as "yes"/"no" or "1"/"0" and some endpoints leak that through.</summary>
public sealed class LooseBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt32(out var number) && number is 0 or 1:
                return number == 1;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrEmpty(text))
                    return null;
                if (text is "1" || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase))
                    return true;
                if (text is "0" || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
                    return false;
                break;
        }

        throw new FieldFormatException(JsonToken.Describe(in reader), MappingRules.Boolean, $"'{JsonToken.Describe(in reader)}' is not a yes/no value.");
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteBooleanValue(value.Value);
    }
}
