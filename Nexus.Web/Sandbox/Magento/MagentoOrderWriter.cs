using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;
using static Nexus.Web.Sandbox.Magento.MagentoJson;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>
/// Orders and credit memos in the Magento 2 REST shape (<c>OrderInterface</c>, <c>CreditmemoInterface</c>). Amounts
/// are the generated ones in the order currency; for the share of orders placed in the second currency the base_*
/// twins are converted at the store's rate and rounded, as Magento does, so only the order-currency figures add up
/// exactly. Item rows: configurable = parent row (money) + child row (price 0, <c>parent_item_id</c>, the whole
/// parent repeated in <c>parent_item</c>); a bundle anchor's line = fixed-price bundle row + one zero-price row per component.
/// </summary>
public static class MagentoOrderWriter
{
    /// <summary>WooCommerce-style generated status → Magento (state, status). Unknown (defect) statuses stay as custom statuses.</summary>
    public static (string State, string Status) StateAndStatus(string generated) => generated switch
    {
        "pending" => ("pending_payment", "pending_payment"),
        "on-hold" => ("holded", "holded"),
        "processing" => ("processing", "processing"),
        "completed" => ("complete", "complete"),
        "cancelled" or "failed" => ("canceled", "canceled"),
        "refunded" => ("closed", "closed"),
        var custom => ("processing", custom),
    };

    private static readonly Dictionary<string, string> PaymentCodes = new(StringComparer.Ordinal)
    {
        ["stripe"] = "stripe_payments", ["paypal"] = "paypal_express", ["bacs"] = "banktransfer", ["cod"] = "cashondelivery",
    };

    public static string IncrementId(int orderId) => orderId.ToString("D9", CultureInfo.InvariantCulture);

    public static void WriteOrder(Utf8JsonWriter w, SandboxOrder o, MagentoWriteContext ctx)
    {
        var (currency, rate) = ctx.IsForeign(o.Id) ? ctx.Foreign : (ctx.Settings.Currency, 1m);
        var baseCurrency = ctx.Settings.Currency;
        decimal Base(decimal amount) => rate == 1m ? amount : Round(amount / rate);
        var (state, status) = StateAndStatus(o.Status);
        var subtotal = o.LineItems.Sum(l => l.Subtotal);
        var discount = o.LineItems.Sum(l => l.Subtotal - l.Total);
        var fees = o.Fees.Sum(f => f.Total);
        var refunded = o.Refunds.Sum(r => r.Amount);
        var guest = o.CustomerId == 0;

        w.WriteStartObject();
        w.WriteNumber("entity_id", o.Id);
        w.WriteString("increment_id", IncrementId(o.Id));
        w.WriteString("state", state);
        w.WriteString("status", status);
        Date(w, "created_at", o.CreatedUtc);
        Date(w, "updated_at", o.ModifiedUtc);
        if (guest) w.WriteNull("customer_id"); else w.WriteNumber("customer_id", o.CustomerId);
        w.WriteNumber("customer_is_guest", guest ? 1 : 0);
        w.WriteNumber("customer_group_id", guest ? 0 : 1);
        w.WriteString("customer_email", o.Billing.Email);
        w.WriteString("customer_firstname", o.Billing.FirstName);
        w.WriteString("customer_lastname", o.Billing.LastName);
        w.WriteString("base_currency_code", baseCurrency);
        w.WriteString("global_currency_code", baseCurrency);
        w.WriteString("store_currency_code", baseCurrency);
        w.WriteString("order_currency_code", currency);
        w.WriteNumber("base_to_global_rate", 1);
        w.WriteNumber("base_to_order_rate", rate);
        Money(w, "grand_total", o.Total);
        Money(w, "base_grand_total", Base(o.Total));
        Money(w, "subtotal", subtotal);
        Money(w, "base_subtotal", Base(subtotal));
        Money(w, "discount_amount", -discount);
        Money(w, "base_discount_amount", -Base(discount));
        Money(w, "shipping_amount", o.ShippingLine.Total);
        Money(w, "base_shipping_amount", Base(o.ShippingLine.Total));
        Money(w, "shipping_tax_amount", o.ShippingLine.Tax);
        Money(w, "shipping_incl_tax", o.ShippingLine.Total + o.ShippingLine.Tax);
        Money(w, "tax_amount", o.TotalTax);
        Money(w, "base_tax_amount", Base(o.TotalTax));
        if (o.PaidUtc is not null)
        {
            Money(w, "total_paid", o.Total);
            Money(w, "base_total_paid", Base(o.Total));
        }
        Money(w, "total_due", o.PaidUtc is null ? o.Total : 0m);
        if (refunded > 0)
        {
            Money(w, "total_refunded", refunded);
            Money(w, "base_total_refunded", Base(refunded));
        }
        w.WriteNumber("total_qty_ordered", o.LineItems.Sum(l => l.Quantity));
        w.WriteNumber("total_item_count", o.LineItems.Count);
        w.WriteString("shipping_description", o.ShippingLine.Total == 0 ? "Free Shipping - Free" : "Flat Rate - Fixed");
        if (o.Coupons.Count > 0)
        {
            w.WriteString("coupon_code", o.Coupons[0].Code);
            w.WriteString("discount_description", o.Coupons[0].Code);
        }
        if (o.CustomerNote.Length > 0) w.WriteString("customer_note", o.CustomerNote);
        w.WriteString("remote_ip", o.CustomerIp);
        w.WriteNumber("store_id", 1);
        w.WriteString("store_name", "Main Website\nMain Website Store\nDefault Store View");
        w.WriteString("protect_code", o.OrderKey.Length > 9 ? o.OrderKey[9..] : o.OrderKey);
        w.WriteNumber("quote_id", o.Id + 7_000);

        w.WriteStartArray("items");
        foreach (var line in o.LineItems) WriteItems(w, o, line, ctx);
        w.WriteEndArray();

        Address(w, "billing_address", o.Billing, "billing", o.Id * 2, o.Id);
        w.WriteStartObject("payment");
        w.WriteNumber("entity_id", o.Id);
        w.WriteNumber("parent_id", o.Id);
        w.WriteString("method", PaymentCodes.GetValueOrDefault(o.PaymentMethod, o.PaymentMethod));
        w.WriteStartArray("additional_information");
        w.WriteStringValue(o.PaymentMethodTitle);
        w.WriteEndArray();
        if (o.TransactionId.Length > 0) w.WriteString("last_trans_id", o.TransactionId); else w.WriteNull("last_trans_id");
        Money(w, "amount_ordered", o.Total);
        if (o.PaidUtc is not null) Money(w, "amount_paid", o.Total);
        w.WriteEndObject();
        EmptyArray(w, "status_histories");

        w.WriteStartObject("extension_attributes");
        w.WriteStartArray("shipping_assignments");
        w.WriteStartObject();
        w.WriteStartObject("shipping");
        Address(w, "address", o.Shipping, "shipping", o.Id * 2 + 1, o.Id);
        w.WriteString("method", o.ShippingLine.MethodId == "free_shipping" ? "freeshipping_freeshipping" : "flatrate_flatrate");
        w.WriteStartObject("total");
        Money(w, "shipping_amount", o.ShippingLine.Total);
        Money(w, "shipping_tax_amount", o.ShippingLine.Tax);
        w.WriteEndObject();
        w.WriteEndObject();
        EmptyArray(w, "items");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("applied_taxes");
        w.WriteStartObject();
        w.WriteString("code", ctx.Settings.TaxRateCode);
        w.WriteString("title", ctx.Settings.TaxLabel);
        w.WriteNumber("percent", ctx.Settings.TaxRate * 100);
        Money(w, "amount", o.TotalTax);
        Money(w, "base_amount", Base(o.TotalTax));
        w.WriteEndObject();
        w.WriteEndArray();
        if (o.Fees.Count > 0)
        {
            Money(w, "gw_price", fees);
            Money(w, "gw_base_price", Base(fees));
            Money(w, "gw_tax_amount", o.Fees.Sum(f => f.Tax));
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter w, SandboxOrder o, SandboxLineItem line, MagentoWriteContext ctx)
    {
        var parentId = line.Id * 4;
        var bundle = line.VariationId == 0 ? ctx.Catalog.BundleAnchoredBy(line.ProductId) : null;
        if (line.VariationId != 0)
        {
            var child = ctx.Catalog.Find(line.VariationId);
            Item(w, o, parentId, null, line.ProductId, "configurable", line.Sku, line.Name.Split(" - ")[0], line.Quantity, line.Price, line.Subtotal, line.Subtotal - line.Total, line.TotalTax, line.SubtotalTax, ctx, child?.Variation);
            Item(w, o, parentId + 1, parentId, line.VariationId, "simple", line.Sku, child?.Name ?? line.Name, line.Quantity, 0, 0, 0, 0, 0, ctx,
                parent: () => Item(w, o, parentId, null, line.ProductId, "configurable", line.Sku, line.Name.Split(" - ")[0], line.Quantity, line.Price, line.Subtotal, line.Subtotal - line.Total, line.TotalTax, line.SubtotalTax, ctx));
        }
        else if (bundle is not null)
        {
            var sku = bundle.Sku + "-" + string.Join("-", bundle.Components.Select(c => c.Sku));
            Item(w, o, parentId, null, bundle.Id, "bundle", sku, bundle.Name, line.Quantity, line.Price, line.Subtotal, line.Subtotal - line.Total, line.TotalTax, line.SubtotalTax, ctx);
            for (var k = 0; k < bundle.Components.Count && k < 3; k++)
            {
                var c = bundle.Components[k];
                Item(w, o, parentId + 1 + k, parentId, c.Id, "simple", c.Sku, c.Name, line.Quantity, 0, 0, 0, 0, 0, ctx);
            }
        }
        else
        {
            Item(w, o, parentId, null, line.ProductId, "simple", line.Sku, line.Name, line.Quantity, line.Price, line.Subtotal, line.Subtotal - line.Total, line.TotalTax, line.SubtotalTax, ctx);
        }
    }

    private static void Item(Utf8JsonWriter w, SandboxOrder o, long itemId, long? parentItemId, int productId, string type, string sku, string name,
        int qty, decimal price, decimal rowTotal, decimal discount, decimal tax, decimal taxBeforeDiscount, MagentoWriteContext ctx,
        SandboxVariation? variation = null, Action? parent = null)
    {
        w.WriteStartObject();
        w.WriteNumber("item_id", itemId);
        w.WriteNumber("order_id", o.Id);
        if (parentItemId is { } p) w.WriteNumber("parent_item_id", p); else w.WriteNull("parent_item_id");
        w.WriteNumber("product_id", productId);
        w.WriteString("product_type", type);
        w.WriteString("sku", sku);
        w.WriteString("name", name);
        w.WriteNumber("qty_ordered", qty);
        w.WriteNumber("qty_invoiced", o.PaidUtc is null ? 0 : qty);
        Money(w, "price", price);
        Money(w, "base_price", price);
        Money(w, "original_price", price);
        Money(w, "row_total", rowTotal);
        Money(w, "base_row_total", rowTotal);
        Money(w, "discount_amount", discount);
        Money(w, "tax_amount", tax);
        Money(w, "tax_before_discount", taxBeforeDiscount);
        w.WriteNumber("tax_percent", price == 0 ? 0 : ctx.Settings.TaxRate * 100);
        Money(w, "price_incl_tax", price == 0 ? 0 : Round(price * (1 + ctx.Settings.TaxRate)));
        Money(w, "row_total_incl_tax", rowTotal + tax);
        Date(w, "created_at", o.TrueCreatedUtc);
        Date(w, "updated_at", o.ModifiedUtc);
        w.WriteNumber("store_id", 1);
        w.WriteNumber("is_virtual", 0);
        if (variation is { } v)
        {
            w.WriteStartObject("product_option");
            w.WriteStartObject("extension_attributes");
            w.WriteStartArray("configurable_item_options");
            foreach (var a in v.Attributes)
            {
                w.WriteStartObject();
                w.WriteString("option_id", MagentoCatalog.Attributes[a.Name].AttributeId.ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("option_value", MagentoCatalog.OptionIds[a.Option]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        if (parent is not null)
        {
            w.WritePropertyName("parent_item");
            parent();
        }
        w.WriteEndObject();
    }

    private static void Address(Utf8JsonWriter w, string name, SandboxAddress a, string type, long id, int orderId)
    {
        w.WriteStartObject(name);
        w.WriteString("address_type", type);
        w.WriteString("city", a.City);
        if (a.Company.Length > 0) w.WriteString("company", a.Company);
        w.WriteString("country_id", a.Country);
        if (a.Email.Length > 0) w.WriteString("email", a.Email);
        w.WriteNumber("entity_id", id);
        w.WriteString("firstname", a.FirstName);
        w.WriteString("lastname", a.LastName);
        w.WriteNumber("parent_id", orderId);
        w.WriteString("postcode", a.Postcode);
        w.WriteString("region", a.State);
        w.WriteString("region_code", a.State);
        w.WriteStartArray("street");
        w.WriteStringValue(a.Address1);
        if (a.Address2.Length > 0) w.WriteStringValue(a.Address2);
        w.WriteEndArray();
        w.WriteString("telephone", a.Phone);
        w.WriteEndObject();
    }

    /// <summary>A refund as a credit memo. Full refunds give back shipping; the adjustment keeps grand_total equal to the refunded amount.</summary>
    public static void WriteCreditMemo(Utf8JsonWriter w, SandboxOrder o, SandboxRefund r, MagentoWriteContext ctx)
    {
        var (currency, rate) = ctx.IsForeign(o.Id) ? ctx.Foreign : (ctx.Settings.Currency, 1m);
        decimal Base(decimal amount) => rate == 1m ? amount : Round(amount / rate);
        var full = r.Lines.Count == o.LineItems.Count && r.Lines.All(l => l.Quantity == l.Refunded.Quantity);
        var subtotal = r.Lines.Sum(l => l.Total);
        var shipping = full ? o.ShippingLine.Total : 0m;
        var tax = r.Lines.Sum(l => l.Tax) + (full ? o.ShippingLine.Tax : 0m);
        var adjustment = r.Amount - subtotal - shipping - tax;

        w.WriteStartObject();
        w.WriteNumber("entity_id", r.Id);
        w.WriteNumber("order_id", o.Id);
        w.WriteString("increment_id", r.Id.ToString("D9", CultureInfo.InvariantCulture));
        Date(w, "created_at", r.CreatedUtc);
        Date(w, "updated_at", r.CreatedUtc);
        w.WriteNumber("state", 2);
        w.WriteString("base_currency_code", ctx.Settings.Currency);
        w.WriteString("order_currency_code", currency);
        w.WriteNumber("base_to_order_rate", rate);
        Money(w, "grand_total", r.Amount);
        Money(w, "base_grand_total", Base(r.Amount));
        Money(w, "subtotal", subtotal);
        Money(w, "shipping_amount", shipping);
        Money(w, "tax_amount", tax);
        Money(w, "adjustment_positive", adjustment > 0 ? adjustment : 0m);
        Money(w, "adjustment_negative", adjustment < 0 ? -adjustment : 0m);
        Money(w, "adjustment", adjustment);
        w.WriteNumber("store_id", 1);
        w.WriteStartArray("items");
        foreach (var line in r.Lines)
        {
            var orderItem = line.Refunded.Id * 4;
            var isConfigurable = line.Refunded.VariationId != 0;
            var bundle = isConfigurable ? null : ctx.Catalog.BundleAnchoredBy(line.Refunded.ProductId);
            var productId = bundle?.Id ?? line.Refunded.ProductId;
            var sku = bundle is null ? line.Refunded.Sku : bundle.Sku + "-" + string.Join("-", bundle.Components.Select(c => c.Sku));
            var name = bundle?.Name ?? line.Refunded.Name.Split(" - ")[0];
            CreditMemoItem(w, line.Id * 4L, orderItem, productId, sku, name, line.Quantity, line.Refunded.Price, line.Total, line.Refunded.Price * line.Quantity - line.Total, line.Tax);
            if (isConfigurable)
                CreditMemoItem(w, line.Id * 4L + 1, orderItem + 1, line.Refunded.VariationId, line.Refunded.Sku, ctx.Catalog.Find(line.Refunded.VariationId)?.Name ?? name, line.Quantity, 0, 0, 0, 0);
            else if (bundle is not null)
                for (var k = 0; k < bundle.Components.Count && k < 3; k++)
                    CreditMemoItem(w, line.Id * 4L + 1 + k, orderItem + 1 + k, bundle.Components[k].Id, bundle.Components[k].Sku, bundle.Components[k].Name, line.Quantity, 0, 0, 0, 0);
        }
        w.WriteEndArray();
        w.WriteStartArray("comments");
        w.WriteStartObject();
        w.WriteString("comment", r.Reason);
        w.WriteNumber("is_customer_notified", 0);
        w.WriteNumber("parent_id", r.Id);
        Date(w, "created_at", r.CreatedUtc);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void CreditMemoItem(Utf8JsonWriter w, long id, long orderItemId, int productId, string sku, string name, int qty, decimal price, decimal total, decimal discount, decimal tax)
    {
        w.WriteStartObject();
        w.WriteNumber("entity_id", id);
        w.WriteNumber("order_item_id", orderItemId);
        w.WriteNumber("product_id", productId);
        w.WriteString("sku", sku);
        w.WriteString("name", name);
        w.WriteNumber("qty", qty);
        Money(w, "price", price);
        Money(w, "base_price", price);
        if (price != 0)
        {
            Money(w, "row_total", total + discount);
            Money(w, "discount_amount", discount);
            Money(w, "tax_amount", tax);
        }
        w.WriteEndObject();
    }
}
