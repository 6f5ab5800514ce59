using System.Globalization;
using System.Text;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>How Shopify writes ids, money, times and cursors, in one place so every node agrees.</summary>
public static class ShopifyFormat
{
    /// <summary>Simple (non-variable) products still have one variant in Shopify: the "Default Title" one.</summary>
    public const int DefaultVariantIdBase = 300_000;

    public static string Gid(string type, long id) => string.Create(CultureInfo.InvariantCulture, $"gid://shopify/{type}/{id}");

    /// <summary>The numeric id of a GID of <paramref name="type"/>, or null when it is not one.</summary>
    public static long? ParseGid(string? gid, string type)
    {
        var prefix = "gid://shopify/" + type + "/";
        return gid is not null && gid.StartsWith(prefix, StringComparison.Ordinal)
               && long.TryParse(gid.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    public static string Legacy(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Decimal scalar: at least one fractional digit, as Shopify serialises it ("10.0", "598.94").</summary>
    public static string Amount(decimal amount) => amount.ToString("0.0###########", CultureInfo.InvariantCulture);

    public static string? Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Opaque cursor: base64 of the last row's id and sort value, like Shopify's own.</summary>
    public static string Cursor(long lastId, string lastValue)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"last_id\":{lastId},\"last_value\":\"{lastValue}\"}}")));

    public static bool TryReadCursor(string cursor, out long lastId, out string lastValue)
    {
        lastId = 0;
        lastValue = "";
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(cursor));
            lastId = doc.RootElement.GetProperty("last_id").GetInt64();
            lastValue = doc.RootElement.GetProperty("last_value").GetString() ?? "";
            return true;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}
