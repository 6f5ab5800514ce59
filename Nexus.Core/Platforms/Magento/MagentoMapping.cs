using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Magento;

/// <summary>Conversions every Magento mapper needs, so ids, money, addresses and extras follow one rule.</summary>
internal static class MagentoMapping
{
    /// <summary>
    /// One record of a search page (<c>items[k]</c>) → canonical record. A value the tolerant converters cannot read
    /// becomes a <see cref="MappingIssue"/> with its JSON path, and every failure carries the record's raw JSON so the
    /// sync can quarantine it: the same conventions as the WooCommerce page mapper.
    /// </summary>
    public static MappingResult<TModel> MapRecord<TDto, TModel>(JsonElement record, JsonTypeInfo<TDto> type, string entityType, Func<TDto, MappingResult<TModel>> map)
        where TDto : class
        where TModel : class
    {
        if (record.ValueKind != JsonValueKind.Object)
            return MappingResult<TModel>.Failure([new MappingIssue("$", record.ValueKind.ToString(), MappingRules.JsonShape, $"A {entityType} record must be a JSON object, found {record.ValueKind}.")], record.GetRawText());
        TDto? dto;
        try
        {
            dto = record.Deserialize(type);
        }
        catch (JsonException ex)
        {
            var issue = ex is FieldFormatException field
                ? new MappingIssue(ex.Path ?? "$", field.Value, field.Rule, field.Message)
                : new MappingIssue(ex.Path ?? "$", null, MappingRules.JsonShape, ex.Message);
            return MappingResult<TModel>.Failure([issue], record.GetRawText());
        }

        var result = map(dto!);
        return result.IsSuccess ? result : result.WithRawJson(record.GetRawText());
    }

    public static string? OptionalId(long? id) => id is > 0 ? id.Value.ToString(CultureInfo.InvariantCulture) : null;

    public static string? RequiredId(long? id, string field, MappingIssueCollector issues)
    {
        if (id is > 0)
            return id.Value.ToString(CultureInfo.InvariantCulture);
        issues.Add(field, id?.ToString(CultureInfo.InvariantCulture), MappingRules.PositiveId, $"{field} must be a positive id.");
        return null;
    }

    public static Money Amount(decimal? amount, string currency) => new(amount ?? 0m, currency);

    public static Money RequiredAmount(decimal? amount, string currency, string field, MappingIssueCollector issues)
    {
        if (amount is null)
            issues.Add(field, null, MappingRules.Required, $"{field} is required.");
        return new Money(amount ?? 0m, currency);
    }

    public static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static Address? Address(string? firstName, string? lastName, string? company, IReadOnlyList<string>? street, string? city,
        string? region, string? postcode, string? country, string? email, string? phone)
    {
        var address = new Address
        {
            FirstName = NullIfEmpty(firstName),
            LastName = NullIfEmpty(lastName),
            Company = NullIfEmpty(company),
            Line1 = street is { Count: > 0 } ? NullIfEmpty(street[0]) : null,
            // Magento allows up to four street lines; lines past the second join the second so none is lost.
            Line2 = street is { Count: > 1 } ? NullIfEmpty(string.Join(", ", street.Skip(1).Where(s => s.Length > 0))) : null,
            City = NullIfEmpty(city),
            Region = NullIfEmpty(region),
            PostalCode = NullIfEmpty(postcode),
            CountryCode = NullIfEmpty(country),
            Email = NullIfEmpty(email),
            Phone = NullIfEmpty(phone),
        };
        return address == EmptyAddress ? null : address;
    }

    public static Address? Address(MagentoOrderAddressDto? a) => a is null ? null
        : Address(a.Firstname, a.Lastname, a.Company, a.Street, a.City, a.RegionCode ?? a.Region, a.Postcode, a.CountryId, a.Email, a.Telephone);

    /// <summary>Every undeclared field as its raw JSON, keyed by name (nested objects prefix theirs, e.g. "extension_attributes.applied_taxes").</summary>
    public static IReadOnlyDictionary<string, string> Extras(Dictionary<string, JsonElement>? top, string? nestedPrefix = null, Dictionary<string, JsonElement>? nested = null,
        string? secondPrefix = null, Dictionary<string, JsonElement>? second = null)
    {
        if (top is not { Count: > 0 } && nested is not { Count: > 0 } && second is not { Count: > 0 })
            return Model.Extras.Empty;
        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top is not null)
            foreach (var (name, value) in top)
                extras[name] = value.GetRawText();
        if (nested is not null)
            foreach (var (name, value) in nested)
                extras[nestedPrefix + name] = value.GetRawText();
        if (second is not null)
            foreach (var (name, value) in second)
                extras[secondPrefix + name] = value.GetRawText();
        return extras;
    }

    /// <summary>
    /// Adds <c>custom_attributes</c> (declared on the DTO because the mapper reads some of them) back to the extras as
    /// compact JSON, so attributes without a canonical column (description, colour, material…) are kept.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WithCustomAttributes(IReadOnlyDictionary<string, string> extras, IReadOnlyList<MagentoCustomAttributeDto>? attributes)
    {
        if (attributes is not { Count: > 0 })
            return extras;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var a in attributes)
            {
                w.WriteStartObject();
                w.WriteString("attribute_code", a.AttributeCode);
                w.WritePropertyName("value");
                if (a.Value.ValueKind == JsonValueKind.Undefined) w.WriteNullValue(); else a.Value.WriteTo(w);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return new Dictionary<string, string>(extras, StringComparer.Ordinal) { ["custom_attributes"] = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) };
    }

    /// <summary>A custom attribute's value as text (multi-select arrays as their raw JSON); null when absent.</summary>
    public static string? Attribute(IReadOnlyList<MagentoCustomAttributeDto>? attributes, string code)
    {
        if (attributes is null)
            return null;
        foreach (var a in attributes)
            if (a.AttributeCode == code)
                return a.Value.ValueKind switch
                {
                    JsonValueKind.String => a.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => a.Value.GetRawText(),
                };
        return null;
    }

    private static readonly Address EmptyAddress = new();
}
