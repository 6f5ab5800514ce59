using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>Orders and refunds in the WooCommerce REST v3 shape (see Fixtures/woocommerce/order-single.json).</summary>
public static class WooOrderWriter
{
    private const int TaxRateId = 1;

    public static void WriteOrder(Utf8JsonWriter w, SandboxOrder o, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", o.Id);
        w.WriteNumber("parent_id", 0);
        w.WriteString("number", o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("order_key", o.OrderKey);
        w.WriteString("created_via", "checkout");
        w.WriteString("version", "9.4.2");
        w.WriteString("status", o.Status);
        w.WriteString("currency", ctx.Settings.Currency);
        WooJson.DatePair(w, "date_created", o.CreatedUtc, ctx);
        WooJson.DatePair(w, "date_modified", o.ModifiedUtc, ctx);
        WooJson.Money(w, "discount_total", o.DiscountTotal);
        WooJson.Money(w, "discount_tax", o.DiscountTax);
        WooJson.Money(w, "shipping_total", o.ShippingLine.Total);
        WooJson.Money(w, "shipping_tax", o.ShippingLine.Tax);
        WooJson.Money(w, "cart_tax", o.CartTax);
        WooJson.Money(w, "total", o.Total);
        WooJson.Money(w, "total_tax", o.TotalTax);
        w.WriteBoolean("prices_include_tax", false);
        w.WriteNumber("customer_id", o.CustomerId);
        w.WriteString("customer_ip_address", o.CustomerIp);
        w.WriteString("customer_user_agent", o.CustomerUserAgent);
        w.WriteString("customer_note", o.CustomerNote);
        WooJson.Address(w, "billing", o.Billing, withContact: true);
        WooJson.Address(w, "shipping", o.Shipping, withContact: false);
        w.WriteString("payment_method", o.PaymentMethod);
        w.WriteString("payment_method_title", o.PaymentMethodTitle);
        w.WriteString("transaction_id", o.TransactionId);
        WooJson.DatePair(w, "date_paid", o.PaidUtc, ctx);
        WooJson.DatePair(w, "date_completed", o.CompletedUtc, ctx);
        w.WriteString("cart_hash", o.OrderKey.Length > 9 ? o.OrderKey[9..] : "");
        WooJson.Meta(w, 100_000_000 + o.Id * 4, [("_wc_order_attribution_source_type", o.Id % 3 == 0 ? "organic" : "typein")]);

        w.WriteStartArray("line_items");
        foreach (var line in o.LineItems) WriteLine(w, line, line.Quantity, line.Subtotal, line.SubtotalTax, line.Total, line.TotalTax, line.Meta, null);
        w.WriteEndArray();

        w.WriteStartArray("tax_lines");
        w.WriteStartObject();
        w.WriteNumber("id", o.TaxLineId);
        w.WriteString("rate_code", ctx.Settings.TaxRateCode);
        w.WriteNumber("rate_id", TaxRateId);
        w.WriteString("label", ctx.Settings.TaxLabel);
        w.WriteBoolean("compound", false);
        WooJson.Money(w, "tax_total", o.CartTax);
        WooJson.Money(w, "shipping_tax_total", o.ShippingLine.Tax);
        WooJson.EmptyArray(w, "meta_data");
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("shipping_lines");
        w.WriteStartObject();
        w.WriteNumber("id", o.ShippingLine.Id);
        w.WriteString("method_title", o.ShippingLine.MethodTitle);
        w.WriteString("method_id", o.ShippingLine.MethodId);
        WooJson.Money(w, "total", o.ShippingLine.Total);
        WooJson.Money(w, "total_tax", o.ShippingLine.Tax);
        Taxes(w, o.ShippingLine.Tax, o.ShippingLine.Tax);
        WooJson.EmptyArray(w, "meta_data");
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("fee_lines");
        foreach (var fee in o.Fees)
        {
            w.WriteStartObject();
            w.WriteNumber("id", fee.Id);
            w.WriteString("name", fee.Name);
            w.WriteString("tax_class", "");
            w.WriteString("tax_status", "taxable");
            WooJson.Money(w, "total", fee.Total);
            WooJson.Money(w, "total_tax", fee.Tax);
            Taxes(w, fee.Tax, fee.Tax);
            WooJson.EmptyArray(w, "meta_data");
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("coupon_lines");
        foreach (var c in o.Coupons)
        {
            w.WriteStartObject();
            w.WriteNumber("id", c.Id);
            w.WriteString("code", c.Code);
            WooJson.Money(w, "discount", c.Discount);
            WooJson.Money(w, "discount_tax", c.DiscountTax);
            WooJson.EmptyArray(w, "meta_data");
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("refunds");
        foreach (var r in o.Refunds)
        {
            w.WriteStartObject();
            w.WriteNumber("id", r.Id);
            w.WriteString("reason", r.Reason);
            WooJson.Money(w, "total", -r.Amount);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var self = $"{ctx.ApiRoot}/orders/{o.Id}";
        WooJson.Links(w, self, $"{ctx.ApiRoot}/orders", customer: o.CustomerId > 0 ? $"{ctx.ApiRoot}/customers/{o.CustomerId}" : null);
        w.WriteEndObject();
    }

    /// <summary>A refund as served by /orders/{id}/refunds: amounts positive, refunded lines negative.</summary>
    public static void WriteRefund(Utf8JsonWriter w, SandboxRefund r, WooWriteContext ctx)
    {
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        WooJson.DatePair(w, "date_created", r.CreatedUtc, ctx);
        WooJson.Money(w, "amount", r.Amount);
        w.WriteString("reason", r.Reason);
        w.WriteNumber("refunded_by", 1);
        w.WriteBoolean("refunded_payment", true);
        WooJson.EmptyArray(w, "meta_data");
        w.WriteStartArray("line_items");
        foreach (var line in r.Lines)
        {
            var refundedMeta = new[] { ("_refunded_item_id", line.Refunded.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            WriteLine(w, line.Refunded with { Id = line.Id }, -line.Quantity, -line.Total, -line.Tax, -line.Total, -line.Tax, refundedMeta, -line.Refunded.Price);
        }
        w.WriteEndArray();
        var collection = $"{ctx.ApiRoot}/orders/{r.OrderId}/refunds";
        WooJson.Links(w, $"{collection}/{r.Id}", collection, up: $"{ctx.ApiRoot}/orders/{r.OrderId}");
        w.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter w, SandboxLineItem line, int quantity, decimal subtotal, decimal subtotalTax,
        decimal total, decimal totalTax, IReadOnlyList<(string, string)> meta, decimal? price)
    {
        w.WriteStartObject();
        w.WriteNumber("id", line.Id);
        w.WriteString("name", line.Name);
        w.WriteNumber("product_id", line.ProductId);
        w.WriteNumber("variation_id", line.VariationId);
        w.WriteNumber("quantity", quantity);
        w.WriteString("tax_class", "");
        WooJson.Money(w, "subtotal", subtotal);
        WooJson.Money(w, "subtotal_tax", subtotalTax);
        WooJson.Money(w, "total", total);
        WooJson.Money(w, "total_tax", totalTax);
        Taxes(w, totalTax, subtotalTax);
        WooJson.Meta(w, 300_000_000 + line.Id % 400_000_000 * 2, meta);
        w.WriteString("sku", line.Sku);
        w.WriteNumber("price", (double)(price ?? line.Price)); // WooCommerce sends the unit price as a JSON number
        w.WriteEndObject();
    }

    private static void Taxes(Utf8JsonWriter w, decimal total, decimal subtotal)
    {
        w.WriteStartArray("taxes");
        if (total != 0 || subtotal != 0)
        {
            w.WriteStartObject();
            w.WriteNumber("id", TaxRateId);
            WooJson.Money(w, "total", total);
            WooJson.Money(w, "subtotal", subtotal);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
