using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>What every Magento writer needs: where the store is served, its settings, and the Magento catalogue view.</summary>
public sealed record MagentoWriteContext(string SiteRoot, StoreSettings Settings, long Seed, MagentoSandboxOptions Options, MagentoCatalog Catalog)
{
    /// <summary>The second currency some orders are placed in, and how many of it one unit of base currency buys.</summary>
    public (string Currency, decimal Rate) Foreign => Settings.Currency switch
    {
        "EUR" => ("USD", 1.08m),
        "USD" => ("CAD", 1.36m),
        "CAD" => ("USD", 0.73m),
        _ => ("EUR", 1.17m),
    };

    /// <summary>Seeded per order, so an order's currency never changes between requests or runs.</summary>
    public bool IsForeign(int orderId) => SeededStream.UnitHash(Seed, 0x3A6E, orderId, 1) < Options.ForeignCurrencyShare;

    public string TimeZone => Settings.Country switch
    {
        "US" => "America/New_York",
        "DE" => "Europe/Berlin",
        "FR" => "Europe/Paris",
        "CA" => "America/Toronto",
        _ => "Europe/London",
    };

    public string Locale => Settings.Country switch { "US" => "en_US", "DE" => "de_DE", "FR" => "fr_FR", "CA" => "en_CA", _ => "en_GB" };
}

/// <summary>Magento's scalar conventions: money as JSON numbers, dates "yyyy-MM-dd HH:mm:ss" in UTC with no zone.</summary>
internal static class MagentoJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            write(w);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Date(Utf8JsonWriter w, string name, DateTime? utc)
    {
        if (utc is not { } u)
        {
            w.WriteNull(name);
            return;
        }
        Span<byte> buffer = stackalloc byte[19];
        WooCommerce.WooJson.FormatDate(u, buffer); // the same hand-rolled formatter; only the separator differs
        buffer[10] = (byte)' ';
        w.WriteString(name, buffer);
    }

    /// <summary>Seconds are what Magento's DATETIME columns keep: filters compare at that precision.</summary>
    public static DateTime Seconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    public static bool TryParseDate(string raw, out DateTime utc)
    {
        var ok = DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed);
        utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return ok;
    }

    public static void Money(Utf8JsonWriter w, string name, decimal amount) => w.WriteNumber(name, amount);

    public static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);

    public static void EmptyArray(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray(name);
        w.WriteEndArray();
    }

    public static void Attribute(Utf8JsonWriter w, string code, string value)
    {
        w.WriteStartObject();
        w.WriteString("attribute_code", code);
        w.WriteString("value", value);
        w.WriteEndObject();
    }
}
