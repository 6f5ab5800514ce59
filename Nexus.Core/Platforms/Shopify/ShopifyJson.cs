using System.Globalization;
using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>
/// Reading Shopify GraphQL nodes without ever throwing: a value of the wrong shape becomes a
/// <see cref="MappingIssue"/> on the record, so one bad order is quarantined and its page still maps.
/// </summary>
internal static class ShopifyJson
{
    public static JsonElement? Prop(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(JsonElement obj, string name, string path, MappingIssueCollector issues)
    {
        if (Prop(obj, name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        issues.Add(path, v.GetRawText(), MappingRules.JsonShape, $"{path} must be a string.");
        return null;
    }

    public static string? NonEmpty(JsonElement obj, string name, string path, MappingIssueCollector issues) =>
        Str(obj, name, path, issues) is { Length: > 0 } s ? s : null;

    public static bool? Bool(JsonElement obj, string name) => Prop(obj, name) is { } v && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static decimal? Number(JsonElement obj, string name, string path, MappingIssueCollector issues)
    {
        if (Prop(obj, name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
        if (v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d)) return d;
        issues.Add(path, v.GetRawText(), MappingRules.Decimal, $"{path} must be a number.");
        return null;
    }

    /// <summary>A GID like <c>gid://shopify/Order/123</c>: required, of the given type.</summary>
    public static string? Gid(JsonElement obj, string name, string type, string path, MappingIssueCollector issues, bool required = true)
    {
        var gid = Str(obj, name, path, issues);
        if (gid is null)
        {
            if (required) issues.Add(path, null, MappingRules.Required, $"{path} is required.");
            return null;
        }
        if (gid.StartsWith("gid://shopify/" + type + "/", StringComparison.Ordinal) && gid.Length > type.Length + 15) return gid;
        issues.Add(path, gid, MappingRules.PositiveId, $"{path} must be a gid://shopify/{type}/… id.");
        return null;
    }

    /// <summary>The id of a nested object (<c>customer { id }</c>), or null when the object is absent.</summary>
    public static string? RefId(JsonElement obj, string name, string type, string path, MappingIssueCollector issues) =>
        Prop(obj, name) is { } inner ? Gid(inner, "id", type, path + ".id", issues, required: false) : null;

    public static DateTimeOffset? Time(JsonElement obj, string name, string path, MappingIssueCollector issues)
    {
        var text = Str(obj, name, path, issues);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)) return t;
        issues.Add(path, text, MappingRules.DateTime, $"{path} must be an ISO 8601 date-time.");
        return null;
    }

    /// <summary>
    /// The shop-currency amount of a MoneyBag (<c>{ shopMoney { amount currencyCode } }</c>) or a MoneyV2. A currency
    /// other than the order's is an issue: adding it would mix currencies.
    /// </summary>
    public static decimal? Amount(JsonElement obj, string name, string currency, string path, MappingIssueCollector issues, string side = "shopMoney")
    {
        if (Prop(obj, name) is not { } bag) return null;
        var money = Prop(bag, side) ?? bag;
        var amount = Number(money, "amount", $"{path}.{side}.amount", issues);
        var code = Str(money, "currencyCode", $"{path}.{side}.currencyCode", issues);
        if (code is not null && code != currency && side == "shopMoney")
            issues.Add($"{path}.{side}.currencyCode", code, MappingRules.CurrencyCode, $"{path} is in {code}, not the shop currency {currency}.");
        return amount;
    }

    public static Money Money(JsonElement obj, string name, string currency, string path, MappingIssueCollector issues) =>
        new(Amount(obj, name, currency, path, issues) ?? 0m, currency);

    /// <summary>The nodes of a connection, whether the query asked for <c>nodes</c> or <c>edges { node }</c>.</summary>
    public static IEnumerable<JsonElement> Nodes(JsonElement obj, string name)
    {
        if (Prop(obj, name) is not { ValueKind: JsonValueKind.Object } connection) yield break;
        if (Prop(connection, "nodes") is { ValueKind: JsonValueKind.Array } nodes)
            foreach (var n in nodes.EnumerateArray()) yield return n;
        else if (Prop(connection, "edges") is { ValueKind: JsonValueKind.Array } edges)
            foreach (var e in edges.EnumerateArray())
                if (Prop(e, "node") is { } n) yield return n;
    }

    public static IEnumerable<JsonElement> Array(JsonElement obj, string name)
    {
        if (Prop(obj, name) is { ValueKind: JsonValueKind.Array } items)
            foreach (var item in items.EnumerateArray()) yield return item;
    }

    public static Address? Address(JsonElement obj, string name, string path, MappingIssueCollector issues, string? email = null) =>
        Prop(obj, name) is { ValueKind: JsonValueKind.Object } a ? AddressOf(a, path, issues, email) : null;

    /// <summary>A <c>MailingAddress</c> object.</summary>
    public static Address AddressOf(JsonElement a, string path, MappingIssueCollector issues, string? email = null)
    {
        return new Address
        {
            FirstName = NonEmpty(a, "firstName", path + ".firstName", issues),
            LastName = NonEmpty(a, "lastName", path + ".lastName", issues),
            Company = NonEmpty(a, "company", path + ".company", issues),
            Line1 = NonEmpty(a, "address1", path + ".address1", issues),
            Line2 = NonEmpty(a, "address2", path + ".address2", issues),
            City = NonEmpty(a, "city", path + ".city", issues),
            Region = NonEmpty(a, "provinceCode", path + ".provinceCode", issues) ?? NonEmpty(a, "province", path + ".province", issues),
            PostalCode = NonEmpty(a, "zip", path + ".zip", issues),
            CountryCode = NonEmpty(a, "countryCodeV2", path + ".countryCodeV2", issues) ?? NonEmpty(a, "countryCode", path + ".countryCode", issues),
            Email = email,
            Phone = NonEmpty(a, "phone", path + ".phone", issues),
        };
    }

    /// <summary>Keeps a value the canonical model has no column for as raw JSON text.</summary>
    public static void Keep(Dictionary<string, string> extras, JsonElement obj, string name)
    {
        if (Prop(obj, name) is { } v) extras[name] = v.GetRawText();
    }

    public static IReadOnlyDictionary<string, string> Frozen(Dictionary<string, string> extras) =>
        extras.Count == 0 ? Model.Extras.Empty : extras;
}
