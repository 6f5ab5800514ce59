using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.WooCommerce.Dto.Converters;

/// <summary>
/// WooCommerce dates are "2017-03-22T19:28:02" with no zone. Read zone-less values as UTC: the mapper
/// uses the <c>_gmt</c> twin, which is UTC, whenever the payload has one. Values with a zone are
/// honoured and normalised to UTC. "" and null read as null.
/// </summary>
public sealed class WooDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = JsonToken.Utf8(in reader);
            if (text.IsEmpty)
                return null;
            if (!HasZone(text) && reader.TryGetDateTime(out var local))
                return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
            if (reader.TryGetDateTimeOffset(out var zoned))
                return zoned.ToUniversalTime();
            // Older plugins write "2017-03-22 19:28:02" (space instead of T).
            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return parsed;
        }

        throw new FieldFormatException(JsonToken.Describe(in reader), MappingRules.DateTime, $"'{JsonToken.Describe(in reader)}' is not an ISO 8601 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
    }

    // A zone is "Z" or "+hh:mm"/"-hh:mm" after the time part (position 19 onwards); the date's own
    // dashes sit before that.
    private static bool HasZone(ReadOnlySpan<byte> text) =>
        text.Length > 19 && (text[^1] == (byte)'Z' || text[19..].IndexOfAny((byte)'+', (byte)'-') >= 0);
}
