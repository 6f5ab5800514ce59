using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Core.Model;

/// <summary>Money in stored payloads and exports: <c>{"amount": 12.34, "currency": "EUR"}</c>, amount as an exact JSON number.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Money must be an object with amount and currency.");
        decimal? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "amount", StringComparison.OrdinalIgnoreCase)) amount = reader.GetDecimal();
            else if (string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase)) currency = reader.GetString();
            else reader.Skip();
        }
        return new Money(amount ?? throw new JsonException("Money has no amount."), currency ?? throw new JsonException("Money has no currency."));
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}
