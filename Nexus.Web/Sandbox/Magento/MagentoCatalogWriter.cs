using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;
using static Nexus.Web.Sandbox.Magento.MagentoJson;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>Customers, products and store configs in the Magento 2 REST shape (see Fixtures/magento/customer-single.json, product-simple.json).</summary>
public static class MagentoCatalogWriter
{
    private const string Lorem = "<p>Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac turpis egestas.</p>";

    /// <summary>
    /// Billing and shipping as Magento address-book entries (ids 2c and 2c+1); an all-blank address (the MissingAddress
    /// defect) is simply not in the book, and a shipping address equal to billing is one entry flagged for both.
    /// </summary>
    public static void WriteCustomer(Utf8JsonWriter w, SandboxCustomer c)
    {
        var hasBilling = !IsBlank(c.Billing);
        var sameShipping = c.Shipping with { Email = "", Phone = "" } == c.Billing with { Email = "", Phone = "" };
        var hasShipping = !IsBlank(c.Shipping) && !sameShipping;
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteNumber("group_id", 1);
        if (hasBilling) w.WriteString("default_billing", (c.Id * 2).ToString(CultureInfo.InvariantCulture));
        if (hasBilling || hasShipping) w.WriteString("default_shipping", (c.Id * 2 + (hasShipping ? 1 : 0)).ToString(CultureInfo.InvariantCulture));
        Date(w, "created_at", c.CreatedUtc);
        Date(w, "updated_at", c.ModifiedUtc);
        w.WriteString("created_in", "Default Store View");
        w.WriteString("email", c.Email);
        w.WriteString("firstname", c.FirstName);
        w.WriteString("lastname", c.LastName);
        w.WriteNumber("store_id", 1);
        w.WriteNumber("website_id", 1);
        w.WriteStartArray("addresses");
        if (hasBilling) Address(w, c.Id * 2, c.Id, c.Billing, c.Billing.Phone, billing: true, shipping: !hasShipping);
        if (hasShipping) Address(w, c.Id * 2 + 1, c.Id, c.Shipping, c.Billing.Phone, billing: false, shipping: true);
        w.WriteEndArray();
        w.WriteNumber("disable_auto_group_change", 0);
        w.WriteStartObject("extension_attributes");
        w.WriteBoolean("is_subscribed", c.Id % 4 == 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static bool IsBlank(SandboxAddress a) =>
        a.Address1.Length == 0 && a.City.Length == 0 && a.Postcode.Length == 0 && a.Country.Length == 0;

    private static void Address(Utf8JsonWriter w, int id, int customerId, SandboxAddress a, string phone, bool billing, bool shipping)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteNumber("customer_id", customerId);
        w.WriteStartObject("region");
        w.WriteString("region_code", a.State);
        w.WriteString("region", a.State);
        w.WriteNumber("region_id", 0);
        w.WriteEndObject();
        w.WriteNumber("region_id", 0);
        w.WriteString("country_id", a.Country);
        w.WriteStartArray("street");
        w.WriteStringValue(a.Address1);
        if (a.Address2.Length > 0) w.WriteStringValue(a.Address2);
        w.WriteEndArray();
        if (a.Company.Length > 0) w.WriteString("company", a.Company);
        w.WriteString("telephone", phone);
        w.WriteString("postcode", a.Postcode);
        w.WriteString("city", a.City);
        w.WriteString("firstname", a.FirstName);
        w.WriteString("lastname", a.LastName);
        if (shipping) w.WriteBoolean("default_shipping", true);
        if (billing) w.WriteBoolean("default_billing", true);
        w.WriteEndObject();
    }

    public static void WriteProduct(Utf8JsonWriter w, MagentoProductEntry p, MagentoWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", p.Id);
        w.WriteString("sku", p.Sku);
        w.WriteString("name", p.Name);
        w.WriteNumber("attribute_set_id", p.Kind == MagentoProductKind.ConfigurableChild ? 9 : 4);
        if (p.Price is { } price) Money(w, "price", price);
        w.WriteNumber("status", 1);
        w.WriteNumber("visibility", p.Kind == MagentoProductKind.ConfigurableChild ? 1 : 4);
        w.WriteString("type_id", p.Kind switch
        {
            MagentoProductKind.Configurable => "configurable",
            MagentoProductKind.Bundle => "bundle",
            MagentoProductKind.Grouped => "grouped",
            _ => "simple",
        });
        Date(w, "created_at", p.CreatedUtc);
        Date(w, "updated_at", p.ModifiedUtc);
        if (p.Kind is MagentoProductKind.Simple or MagentoProductKind.ConfigurableChild)
            w.WriteNumber("weight", 0.1m + p.Source.Id % 30 / 10m);

        w.WriteStartObject("extension_attributes");
        w.WriteStartArray("website_ids");
        w.WriteNumberValue(1);
        w.WriteEndArray();
        w.WriteStartArray("category_links");
        foreach (var c in p.Source.Categories)
        {
            w.WriteStartObject();
            w.WriteNumber("position", 0);
            w.WriteString("category_id", c.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        StockItem(w, p);
        if (p.Kind == MagentoProductKind.Configurable) ConfigurableOptions(w, p);
        if (p.Kind == MagentoProductKind.Bundle) BundleOptions(w, p);
        w.WriteEndObject();

        w.WriteStartArray("product_links");
        if (p.Kind == MagentoProductKind.Grouped)
            for (var k = 0; k < p.Components.Count; k++)
            {
                w.WriteStartObject();
                w.WriteString("sku", p.Sku);
                w.WriteString("link_type", "associated");
                w.WriteString("linked_product_sku", p.Components[k].Sku);
                w.WriteString("linked_product_type", "simple");
                w.WriteNumber("position", k + 1);
                w.WriteStartObject("extension_attributes");
                w.WriteNumber("qty", 1);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        w.WriteEndArray();
        EmptyArray(w, "options");
        EmptyArray(w, "media_gallery_entries");
        EmptyArray(w, "tier_prices");

        w.WriteStartArray("custom_attributes");
        if (p.Kind != MagentoProductKind.ConfigurableChild) Attribute(w, "description", Lorem);
        Attribute(w, "url_key", Nexus.Core.Platforms.Sandbox.Generation.CatalogFactory.Slug(p.Name));
        Attribute(w, "tax_class_id", "2");
        if (p.SpecialPrice is { } special) Attribute(w, "special_price", special.ToString("0.0000", CultureInfo.InvariantCulture));
        // Magento's "cost" attribute: on simple products and configurable children, where units are bought in.
        if ((p.Variation?.UnitCost ?? (p.Kind == MagentoProductKind.Simple ? p.Source.UnitCost : null)) is { } cost)
            Attribute(w, "cost", cost.ToString("0.0000", CultureInfo.InvariantCulture));
        w.WriteStartObject();
        w.WriteString("attribute_code", "category_ids");
        w.WriteStartArray("value");
        foreach (var c in p.Source.Categories) w.WriteStringValue(c.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteEndObject();
        if (p.Variation is { } v)
            foreach (var a in v.Attributes)
                Attribute(w, MagentoCatalog.Attributes[a.Name].Code, MagentoCatalog.OptionIds[a.Option].ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void StockItem(Utf8JsonWriter w, MagentoProductEntry p)
    {
        var managed = p.Kind is MagentoProductKind.Simple or MagentoProductKind.ConfigurableChild && p.Stock is not null;
        w.WriteStartObject("stock_item");
        w.WriteNumber("item_id", p.Id);
        w.WriteNumber("product_id", p.Id);
        w.WriteNumber("stock_id", 1);
        w.WriteNumber("qty", managed ? p.Stock!.Value : 0);
        w.WriteBoolean("is_in_stock", !managed || p.Stock > 0);
        w.WriteBoolean("is_qty_decimal", false);
        w.WriteBoolean("use_config_manage_stock", managed);
        w.WriteBoolean("manage_stock", managed);
        w.WriteNumber("backorders", 0);
        w.WriteNumber("min_sale_qty", 1);
        w.WriteNumber("max_sale_qty", 10000);
        w.WriteEndObject();
    }

    private static void ConfigurableOptions(Utf8JsonWriter w, MagentoProductEntry p)
    {
        w.WriteStartArray("configurable_product_options");
        var position = 0;
        foreach (var a in p.Source.Attributes)
        {
            var (_, attributeId) = MagentoCatalog.Attributes[a.Name];
            w.WriteStartObject();
            w.WriteNumber("id", p.Id * 4 + position);
            w.WriteString("attribute_id", attributeId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("label", a.Name);
            w.WriteNumber("position", position++);
            w.WriteStartArray("values");
            foreach (var option in a.Options.Where(o => p.Source.Variations.Any(v => v.Attributes.Any(x => x.Name == a.Name && x.Option == o))))
            {
                w.WriteStartObject();
                w.WriteNumber("value_index", MagentoCatalog.OptionIds[option]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("product_id", p.Id);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("configurable_product_links");
        foreach (var v in p.Source.Variations) w.WriteNumberValue(v.Id);
        w.WriteEndArray();
    }

    private static void BundleOptions(Utf8JsonWriter w, MagentoProductEntry p)
    {
        w.WriteStartArray("bundle_product_options");
        for (var k = 0; k < p.Components.Count; k++)
        {
            var c = p.Components[k];
            w.WriteStartObject();
            w.WriteNumber("option_id", p.Id * 4 + k);
            w.WriteString("title", c.Name);
            w.WriteBoolean("required", true);
            w.WriteString("type", "select");
            w.WriteNumber("position", k + 1);
            w.WriteString("sku", p.Sku);
            w.WriteStartArray("product_links");
            w.WriteStartObject();
            w.WriteString("id", (p.Id * 4 + k).ToString(CultureInfo.InvariantCulture));
            w.WriteString("sku", c.Sku);
            w.WriteNumber("option_id", p.Id * 4 + k);
            w.WriteNumber("qty", 1);
            w.WriteNumber("position", 1);
            w.WriteBoolean("is_default", true);
            w.WriteNumber("price", 0);
            w.WriteNumber("price_type", 0);
            w.WriteNumber("can_change_quantity", 0);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary><c>GET /V1/store/storeConfigs</c>: one entry per store view; currency, time zone and base URLs are what a connection test reads.</summary>
    public static void WriteStoreConfigs(Utf8JsonWriter w, IReadOnlyList<string> storeCodes, MagentoWriteContext ctx)
    {
        w.WriteStartArray();
        for (var k = 0; k < storeCodes.Count; k++)
        {
            var root = ctx.SiteRoot + "/";
            w.WriteStartObject();
            w.WriteNumber("id", k + 1);
            w.WriteString("code", storeCodes[k]);
            w.WriteNumber("website_id", 1);
            w.WriteString("locale", ctx.Locale);
            w.WriteString("base_currency_code", ctx.Settings.Currency);
            w.WriteString("default_display_currency_code", ctx.Settings.Currency);
            w.WriteString("timezone", ctx.TimeZone);
            w.WriteString("weight_unit", ctx.Settings.Country == "US" ? "lbs" : "kgs");
            w.WriteString("base_url", root);
            w.WriteString("base_link_url", root);
            w.WriteString("base_static_url", root + "static/version1764547200/");
            w.WriteString("base_media_url", root + "media/");
            w.WriteString("secure_base_url", root);
            w.WriteString("secure_base_link_url", root);
            w.WriteString("secure_base_static_url", root + "static/version1764547200/");
            w.WriteString("secure_base_media_url", root + "media/");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
