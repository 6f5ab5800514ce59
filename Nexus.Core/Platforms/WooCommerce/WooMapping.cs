using System.Globalization;
using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Dto;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>Conversions every WooCommerce mapper needs; one place so the rules are the same everywhere.</summary>
internal static class WooMapping
{
    /// <summary>WooCommerce uses 0 for "none" (guest customer, no variation, deleted product).</summary>
    public static string? OptionalId(long? id) => id is > 0 ? id.Value.ToString(CultureInfo.InvariantCulture) : null;

    public static string? RequiredId(long? id, string field, MappingIssueCollector issues)
    {
        if (id is > 0)
            return id.Value.ToString(CultureInfo.InvariantCulture);
        issues.Add(field, id?.ToString(CultureInfo.InvariantCulture), MappingRules.PositiveId, $"{field} must be a positive id.");
        return null;
    }

    /// <summary>Missing amounts ("" or null) mean zero for totals WooCommerce leaves blank.</summary>
    public static Money Amount(decimal? amount, string currency) => new(amount ?? 0m, currency);

    public static Money? OptionalAmount(decimal? amount, string currency) => amount is null ? null : new Money(amount.Value, currency);

    public static Money RequiredAmount(decimal? amount, string currency, string field, MappingIssueCollector issues)
    {
        if (amount is null)
            issues.Add(field, null, MappingRules.Required, $"{field} is required.");
        return new Money(amount ?? 0m, currency);
    }

    /// <summary>The <c>_gmt</c> twin is UTC; the plain field is site-local, used (as if UTC) only when the twin is missing.</summary>
    public static DateTimeOffset? Utc(DateTimeOffset? gmt, DateTimeOffset? siteLocal) => gmt ?? siteLocal;

    public static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static Address? Address(WooAddressDto? dto)
    {
        if (dto is null)
            return null;
        var address = new Address
        {
            FirstName = NullIfEmpty(dto.FirstName),
            LastName = NullIfEmpty(dto.LastName),
            Company = NullIfEmpty(dto.Company),
            Line1 = NullIfEmpty(dto.Address1),
            Line2 = NullIfEmpty(dto.Address2),
            City = NullIfEmpty(dto.City),
            Region = NullIfEmpty(dto.State),
            PostalCode = NullIfEmpty(dto.Postcode),
            CountryCode = NullIfEmpty(dto.Country),
            Email = NullIfEmpty(dto.Email),
            Phone = NullIfEmpty(dto.Phone),
        };
        // Virtual-goods orders send an all-blank shipping address; that is "no address", not an empty one.
        return address == EmptyAddress ? null : address;
    }

    /// <summary>
    /// Everything the canonical record has no column for: <c>meta_data</c> as its raw JSON array, plus
    /// every undeclared top-level field as raw JSON.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Extras(IReadOnlyList<WooMetaDataDto>? metaData, Dictionary<string, JsonElement>? extensionData)
    {
        if (metaData is not { Count: > 0 } && extensionData is not { Count: > 0 })
            return Model.Extras.Empty;
        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metaData is { Count: > 0 })
            extras["meta_data"] = JsonSerializer.Serialize(metaData, WooJsonContext.Default.IReadOnlyListWooMetaDataDto);
        if (extensionData is not null)
            foreach (var (name, value) in extensionData)
                extras[name] = value.GetRawText();
        return extras;
    }

    /// <summary>The unquoted text of a raw JSON meta value ("\"311\"" → 311), for meta keys the mapper reads.</summary>
    public static string? MetaText(IReadOnlyList<WooMetaDataDto>? metaData, string key)
    {
        var raw = metaData?.FirstOrDefault(m => m.Key == key)?.Value;
        if (raw is null)
            return null;
        using var document = JsonDocument.Parse(raw);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : document.RootElement.GetRawText();
    }

    public static StockStatus StockStatus(string? raw) => raw switch
    {
        "instock" => Model.StockStatus.InStock,
        "outofstock" => Model.StockStatus.OutOfStock,
        "onbackorder" => Model.StockStatus.OnBackorder,
        _ => Model.StockStatus.Unknown,
    };

    public static int? StockQuantity(long? quantity, string field, MappingIssueCollector issues)
    {
        if (quantity is null or (>= int.MinValue and <= int.MaxValue))
            return (int?)quantity;
        issues.Add(field, quantity.Value.ToString(CultureInfo.InvariantCulture), MappingRules.Integer, $"{field} is outside the 32-bit range.");
        return null;
    }

    private static readonly Address EmptyAddress = new();
}
