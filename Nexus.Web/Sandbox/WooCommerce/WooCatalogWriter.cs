using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>Products, variations, coupons and customers in the WooCommerce REST v3 shape.</summary>
public static class WooCatalogWriter
{
    private const string Lorem = "<p>Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac turpis egestas.</p>\n";

    public static void WriteProduct(Utf8JsonWriter w, SandboxProduct p, IReadOnlyList<SandboxProduct> all, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", p.Id);
        w.WriteString("name", p.Name);
        w.WriteString("slug", p.Slug);
        w.WriteString("permalink", $"{ctx.SiteRoot}/product/{p.Slug}/");
        WooJson.DatePair(w, "date_created", p.CreatedUtc, ctx);
        WooJson.DatePair(w, "date_modified", p.ModifiedUtc, ctx);
        w.WriteString("type", p.IsVariable ? "variable" : "simple");
        w.WriteString("status", "publish");
        w.WriteBoolean("featured", p.Id % 17 == 0);
        w.WriteString("catalog_visibility", "visible");
        w.WriteString("description", Lorem + Lorem);
        w.WriteString("short_description", Lorem);
        w.WriteString("sku", p.Sku);
        var price = p.IsVariable && p.Variations.Count > 0 ? p.Variations.Min(v => v.Price) : p.Price;
        if (p.RegularPrice <= 0) price = p.RegularPrice; // a broken price must be visible where connectors read it
        CommonPricing(w, price, p.RegularPrice, p.SalePrice, ctx);
        w.WriteString("price_html", $"<span class=\"woocommerce-Price-amount amount\">{WooJson.Money(price)}</span>");
        w.WriteBoolean("on_sale", p.SalePrice is not null);
        w.WriteBoolean("purchasable", true);
        w.WriteNumber("total_sales", (int)(p.Popularity * 500));
        Downloads(w);
        w.WriteString("external_url", "");
        w.WriteString("button_text", "");
        w.WriteString("tax_status", "taxable");
        w.WriteString("tax_class", "");
        CommonInventory(w, p.StockQuantity);
        w.WriteBoolean("sold_individually", false);
        Dimensions(w, p.Id);
        w.WriteBoolean("shipping_required", true);
        w.WriteBoolean("shipping_taxable", true);
        w.WriteString("shipping_class", "");
        w.WriteNumber("shipping_class_id", 0);
        w.WriteBoolean("reviews_allowed", true);
        w.WriteString("average_rating", (3 + p.Popularity * 2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("rating_count", (int)(p.Popularity * 40));
        w.WriteStartArray("related_ids");
        for (var k = 1; k <= 4 && all.Count > 1; k++) w.WriteNumberValue((p.Id - 1 + k * 7) % all.Count + 1);
        w.WriteEndArray();
        WooJson.EmptyArray(w, "upsell_ids");
        WooJson.EmptyArray(w, "cross_sell_ids");
        w.WriteNumber("parent_id", 0);
        w.WriteString("purchase_note", "");
        w.WriteStartArray("categories");
        foreach (var c in p.Categories)
        {
            w.WriteStartObject();
            w.WriteNumber("id", c.Id);
            w.WriteString("name", c.Name);
            w.WriteString("slug", c.Slug);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WooJson.EmptyArray(w, "tags");
        w.WriteStartArray("images");
        WooJson.Image(w, 100_000 + p.Id, p.CreatedUtc, $"{ctx.SiteRoot}/wp-content/uploads/{p.Slug}.jpg", p.Name, ctx);
        w.WriteEndArray();
        w.WriteStartArray("attributes");
        foreach (var a in p.Attributes)
        {
            w.WriteStartObject();
            w.WriteNumber("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteNumber("position", a.Id - 1);
            w.WriteBoolean("visible", true);
            w.WriteBoolean("variation", true);
            w.WriteStartArray("options");
            foreach (var o in a.Options) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("default_attributes");
        foreach (var a in p.Attributes.Take(1))
        {
            w.WriteStartObject();
            w.WriteNumber("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("option", a.Options[Math.Min(1, a.Options.Count - 1)]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("variations");
        foreach (var v in p.Variations) w.WriteNumberValue(v.Id);
        w.WriteEndArray();
        WooJson.EmptyArray(w, "grouped_products");
        w.WriteNumber("menu_order", 0);
        WooJson.CostOfGoodsMeta(w, p.Id * 10 + 1, p.IsVariable ? null : p.UnitCost);
        WooJson.Links(w, $"{ctx.ApiRoot}/products/{p.Id}", $"{ctx.ApiRoot}/products");
        w.WriteEndObject();
    }

    public static void WriteVariation(Utf8JsonWriter w, SandboxProduct parent, SandboxVariation v, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", v.Id);
        WooJson.DatePair(w, "date_created", v.CreatedUtc, ctx);
        WooJson.DatePair(w, "date_modified", v.ModifiedUtc, ctx);
        w.WriteString("description", "");
        var query = string.Join("&", v.Attributes.Select(a => $"attribute_pa_{a.Name.ToLowerInvariant()}={Uri.EscapeDataString(a.Option.ToLowerInvariant())}"));
        w.WriteString("permalink", $"{ctx.SiteRoot}/product/{parent.Slug}/?{query}");
        w.WriteString("sku", v.Sku);
        CommonPricing(w, v.Price, v.RegularPrice, v.SalePrice, ctx);
        w.WriteBoolean("on_sale", v.SalePrice is not null);
        w.WriteString("status", "publish");
        w.WriteBoolean("purchasable", true);
        Downloads(w);
        w.WriteString("tax_status", "taxable");
        w.WriteString("tax_class", "");
        CommonInventory(w, v.StockQuantity);
        Dimensions(w, v.Id);
        w.WriteString("shipping_class", "");
        w.WriteNumber("shipping_class_id", 0);
        w.WriteStartObject("image");
        w.WriteNumber("id", 200_000 + v.Id % 100_000);
        WooJson.DatePair(w, "date_created", v.CreatedUtc, ctx);
        WooJson.DatePair(w, "date_modified", v.CreatedUtc, ctx);
        w.WriteString("src", $"{ctx.SiteRoot}/wp-content/uploads/{parent.Slug}-{v.Id}.jpg");
        w.WriteString("name", "");
        w.WriteString("alt", "");
        w.WriteEndObject();
        w.WriteStartArray("attributes");
        foreach (var a in v.Attributes)
        {
            w.WriteStartObject();
            w.WriteNumber("id", a.AttributeId);
            w.WriteString("name", a.Name);
            w.WriteString("option", a.Option);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("menu_order", 0);
        WooJson.CostOfGoodsMeta(w, v.Id * 10 + 1, v.UnitCost);
        var collection = $"{ctx.ApiRoot}/products/{parent.Id}/variations";
        WooJson.Links(w, $"{collection}/{v.Id}", collection, up: $"{ctx.ApiRoot}/products/{parent.Id}");
        w.WriteEndObject();
    }

    public static void WriteCoupon(Utf8JsonWriter w, SandboxCoupon c, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteString("code", c.Code);
        WooJson.Money(w, "amount", c.Amount);
        WooJson.DatePair(w, "date_created", c.CreatedUtc, ctx);
        WooJson.DatePair(w, "date_modified", c.CreatedUtc, ctx);
        w.WriteString("discount_type", c.Kind == CouponKind.Percent ? "percent" : "fixed_cart");
        w.WriteString("description", "");
        WooJson.DatePair(w, "date_expires", c.ExpiresUtc, ctx);
        w.WriteNumber("usage_count", 0);
        w.WriteBoolean("individual_use", true);
        WooJson.EmptyArray(w, "product_ids");
        WooJson.EmptyArray(w, "excluded_product_ids");
        w.WriteNull("usage_limit");
        w.WriteNull("usage_limit_per_user");
        w.WriteNull("limit_usage_to_x_items");
        w.WriteBoolean("free_shipping", false);
        WooJson.EmptyArray(w, "product_categories");
        WooJson.EmptyArray(w, "excluded_product_categories");
        w.WriteBoolean("exclude_sale_items", false);
        WooJson.Money(w, "minimum_amount", c.MinimumAmount);
        WooJson.Money(w, "maximum_amount", 0m);
        WooJson.EmptyArray(w, "email_restrictions");
        WooJson.EmptyArray(w, "used_by");
        WooJson.EmptyArray(w, "meta_data");
        WooJson.Links(w, $"{ctx.ApiRoot}/coupons/{c.Id}", $"{ctx.ApiRoot}/coupons");
        w.WriteEndObject();
    }

    public static void WriteCustomer(Utf8JsonWriter w, SandboxCustomer c, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        WooJson.DatePair(w, "date_created", c.CreatedUtc, ctx);
        WooJson.DatePair(w, "date_modified", c.ModifiedUtc, ctx);
        w.WriteString("email", c.Email);
        w.WriteString("first_name", c.FirstName);
        w.WriteString("last_name", c.LastName);
        w.WriteString("role", "customer");
        w.WriteString("username", c.Username);
        WooJson.Address(w, "billing", c.Billing, withContact: true);
        WooJson.Address(w, "shipping", c.Shipping, withContact: false);
        w.WriteBoolean("is_paying_customer", c.IsPayingCustomer);
        w.WriteString("avatar_url", $"https://secure.gravatar.com/avatar/{c.Id:x32}?s=96");
        WooJson.EmptyArray(w, "meta_data");
        WooJson.Links(w, $"{ctx.ApiRoot}/customers/{c.Id}", $"{ctx.ApiRoot}/customers");
        w.WriteEndObject();
    }

    private static void CommonPricing(Utf8JsonWriter w, decimal price, decimal regular, decimal? sale, WooWriteContext ctx)
    {
        WooJson.Money(w, "price", price);
        WooJson.Money(w, "regular_price", regular);
        w.WriteString("sale_price", sale is { } s ? WooJson.Money(s) : "");
        WooJson.DatePair(w, "date_on_sale_from", null, ctx);
        WooJson.DatePair(w, "date_on_sale_to", null, ctx);
    }

    private static void Downloads(Utf8JsonWriter w)
    {
        w.WriteBoolean("virtual", false);
        w.WriteBoolean("downloadable", false);
        WooJson.EmptyArray(w, "downloads");
        w.WriteNumber("download_limit", -1);
        w.WriteNumber("download_expiry", -1);
    }

    private static void CommonInventory(Utf8JsonWriter w, int? stock)
    {
        w.WriteBoolean("manage_stock", stock is not null);
        if (stock is { } q) w.WriteNumber("stock_quantity", q); else w.WriteNull("stock_quantity");
        w.WriteString("stock_status", stock is 0 ? "outofstock" : "instock");
        w.WriteString("backorders", "no");
        w.WriteBoolean("backorders_allowed", false);
        w.WriteBoolean("backordered", false);
    }

    private static void Dimensions(Utf8JsonWriter w, int id)
    {
        w.WriteString("weight", (0.1 + id % 30 / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartObject("dimensions");
        w.WriteString("length", (10 + id % 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("width", (5 + id % 15).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("height", (2 + id % 8).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }
}
