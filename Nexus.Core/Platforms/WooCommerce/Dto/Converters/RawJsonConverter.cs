using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Core.Platforms.WooCommerce.Dto.Converters;

/// <summary>
/// Keeps any JSON value (meta_data values are strings, numbers, objects or arrays, depending on the
/// plugin) as its raw JSON text, so extras survive without a schema.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.GetRawText();
        }

        // A string token's span is its escaped body, so wrapping it in quotes gives valid JSON back.
        var text = System.Text.Encoding.UTF8.GetString(JsonToken.Utf8(in reader));
        return reader.TokenType == JsonTokenType.String ? $"\"{text}\"" : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteRawValue(value);
}

/// <summary>Consumes a value without building anything: for bulky fields nobody reads (<c>_links</c>).</summary>
public sealed class SkipValueConverter : JsonConverter<object>
{
    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => writer.WriteNullValue();
}
