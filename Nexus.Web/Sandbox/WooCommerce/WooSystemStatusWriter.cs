using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>The parts of /system_status a connector reads to test a connection: versions, currency, time zone.</summary>
public static class WooSystemStatusWriter
{
    public static void Write(Utf8JsonWriter w, SandboxStore store, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteStartObject("environment");
        w.WriteString("home_url", ctx.SiteRoot);
        w.WriteString("site_url", ctx.SiteRoot);
        w.WriteString("version", "9.4.2");
        w.WriteString("wp_version", "6.7.1");
        w.WriteBoolean("wp_multisite", false);
        w.WriteString("language", "en_US");
        w.WriteString("server_info", "nexus-sandbox");
        w.WriteString("php_version", "8.3.0");
        w.WriteString("default_timezone", "UTC");
        w.WriteEndObject();
        w.WriteStartObject("database");
        w.WriteString("wc_database_version", "9.4.2");
        w.WriteString("database_prefix", "wp_");
        w.WriteEndObject();
        WooJson.EmptyArray(w, "active_plugins");
        w.WriteStartObject("theme");
        w.WriteString("name", "Storefront");
        w.WriteString("version", "4.6.0");
        w.WriteEndObject();
        w.WriteStartObject("settings");
        w.WriteBoolean("api_enabled", true);
        w.WriteString("currency", store.Settings.Currency);
        w.WriteString("currency_symbol", store.Settings.Currency);
        w.WriteString("currency_position", "left");
        w.WriteString("thousand_separator", ",");
        w.WriteString("decimal_separator", ".");
        w.WriteNumber("number_of_decimals", 2);
        w.WriteString("gmt_offset", store.Settings.UtcOffset.TotalHours.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteStartObject("security");
        w.WriteBoolean("secure_connection", ctx.SiteRoot.StartsWith("https", StringComparison.Ordinal));
        w.WriteBoolean("hide_errors", true);
        w.WriteEndObject();
        WooJson.EmptyArray(w, "pages");
        w.WriteEndObject();
    }
}
