using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>Where the JSON is served from and how the store formats times, for _links and date pairs.</summary>
public sealed record WooWriteContext(string ApiRoot, string SiteRoot, StoreSettings Settings);

/// <summary>WooCommerce's scalar conventions: money as 2-decimal strings, local dates with _gmt twins.</summary>
internal static class WooJson
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Writer options shared by the emulator and the benchmark: UTF-8 names stay readable, as WordPress sends them.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Formats into a stack buffer: a page of orders writes dozens of amounts per order.</summary>
    public static void Money(Utf8JsonWriter w, string name, decimal d)
    {
        Span<byte> buffer = stackalloc byte[40];
        if (d.TryFormat(buffer, out var written, "F2", CultureInfo.InvariantCulture)) w.WriteString(name, buffer[..written]);
        else w.WriteString(name, Money(d));
    }

    /// <summary>Writes name (store local time) and name_gmt (UTC), both null when the date is missing.</summary>
    public static void DatePair(Utf8JsonWriter w, string name, DateTime? utc, WooWriteContext ctx)
    {
        if (utc is { } u)
        {
            Span<byte> buffer = stackalloc byte[19];
            FormatDate(ctx.Settings.ToLocal(u), buffer);
            w.WriteString(name, buffer);
            FormatDate(u, buffer);
            w.WriteString(GmtName(name), buffer);
        }
        else
        {
            w.WriteNull(name);
            w.WriteNull(GmtName(name));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> GmtNames = new(StringComparer.Ordinal);

    private static string GmtName(string name) => GmtNames.GetOrAdd(name, static n => n + "_gmt");

    /// <summary>yyyy-MM-ddTHH:mm:ss by hand: the custom-format path of DateTime.ToString dominated page rendering.</summary>
    public static void FormatDate(DateTime d, Span<byte> into)
    {
        Digits(into[..4], d.Year);
        into[4] = (byte)'-';
        Digits(into[5..7], d.Month);
        into[7] = (byte)'-';
        Digits(into[8..10], d.Day);
        into[10] = (byte)'T';
        Digits(into[11..13], d.Hour);
        into[13] = (byte)':';
        Digits(into[14..16], d.Minute);
        into[16] = (byte)':';
        Digits(into[17..19], d.Second);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var k = into.Length - 1; k >= 0; k--)
        {
            into[k] = (byte)('0' + value % 10);
            value /= 10;
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

    /// <summary>
    /// A product's or variation's <c>meta_data</c>: the Cost of Goods plugin's <c>_wc_cog_cost</c> (a string, as the
    /// plugin saves it) when the store keeps a cost, else empty.
    /// </summary>
    public static void CostOfGoodsMeta(Utf8JsonWriter w, int metaId, decimal? unitCost)
    {
        w.WriteStartArray("meta_data");
        if (unitCost is { } cost)
        {
            w.WriteStartObject();
            w.WriteNumber("id", metaId);
            w.WriteString("key", "_wc_cog_cost");
            w.WriteString("value", cost.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
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
