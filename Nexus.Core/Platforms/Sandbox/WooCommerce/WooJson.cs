using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Core.Platforms.Sandbox.WooCommerce;

/// <summary>Where the JSON is served from and how the store formats times, for _links and date pairs.</summary>
public sealed record WooWriteContext(string ApiRoot, string SiteRoot, StoreSettings Settings);

/// <summary>WooCommerce's scalar conventions: money as 2-decimal strings, local dates with _gmt twins.</summary>
internal static class WooJson
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    public static void Money(Utf8JsonWriter w, string name, decimal d) => w.WriteString(name, Money(d));

    /// <summary>Writes name (store local time) and name_gmt (UTC), both null when the date is missing.</summary>
    public static void DatePair(Utf8JsonWriter w, string name, DateTime? utc, WooWriteContext ctx)
    {
        if (utc is { } u)
        {
            w.WriteString(name, ctx.Settings.ToLocal(u).ToString(DateFormat, CultureInfo.InvariantCulture));
            w.WriteString(name + "_gmt", u.ToString(DateFormat, CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
            w.WriteNull(name + "_gmt");
        }
    }

    public static void Links(Utf8JsonWriter w, string self, string collection, string? up = null, string? customer = null)
    {
        w.WriteStartObject("_links");
        Link(w, "self", self);
        Link(w, "collection", collection);
        if (customer is not null) Link(w, "customer", customer);
        if (up is not null) Link(w, "up", up);
        w.WriteEndObject();
    }

    private static void Link(Utf8JsonWriter w, string rel, string href)
    {
        w.WriteStartArray(rel);
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public static void Address(Utf8JsonWriter w, string name, SandboxAddress a, bool withContact)
    {
        w.WriteStartObject(name);
        w.WriteString("first_name", a.FirstName);
        w.WriteString("last_name", a.LastName);
        w.WriteString("company", a.Company);
        w.WriteString("address_1", a.Address1);
        w.WriteString("address_2", a.Address2);
        w.WriteString("city", a.City);
        w.WriteString("state", a.State);
        w.WriteString("postcode", a.Postcode);
        w.WriteString("country", a.Country);
        if (withContact)
        {
            w.WriteString("email", a.Email);
            w.WriteString("phone", a.Phone);
        }
        w.WriteEndObject();
    }

    public static void Meta(Utf8JsonWriter w, int firstId, IReadOnlyList<(string Key, string Value)> meta)
    {
        w.WriteStartArray("meta_data");
        for (var k = 0; k < meta.Count; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("id", firstId + k);
            w.WriteString("key", meta[k].Key);
            w.WriteString("value", meta[k].Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void EmptyArray(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray(name);
        w.WriteEndArray();
    }

    public static void Image(Utf8JsonWriter w, int id, DateTime createdUtc, string src, string name, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        DatePair(w, "date_created", createdUtc, ctx);
        DatePair(w, "date_modified", createdUtc, ctx);
        w.WriteString("src", src);
        w.WriteString("name", name);
        w.WriteString("alt", "");
        w.WriteEndObject();
    }
}
