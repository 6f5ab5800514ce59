using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Shopify.ShopifyJson;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>Shopify <c>Refund</c> nodes (inside an order, or on their own) to canonical <see cref="Refund"/>s.</summary>
public sealed class ShopifyRefundMapper(ShopifyMappingOptions options)
{
    public const string EntityType = "refund";

    /// <summary>One refund node; <paramref name="currency"/> is the shop currency of its order.</summary>
    public MappingResult<Refund> Map(JsonElement node, string currency, string? orderId = null)
    {
        var issues = new MappingIssueCollector();
        var refund = Map(node, currency, orderId, "", issues);
        return issues.HasIssues ? MappingResult<Refund>.Failure(issues.Issues, node.GetRawText()) : MappingResult<Refund>.Success(refund);
    }

    internal Refund Map(JsonElement node, string currency, string? orderId, string path, MappingIssueCollector issues)
    {
        var id = Gid(node, "id", "Refund", path + "id", issues);
        var amount = Amount(node, "totalRefundedSet", currency, path + "totalRefundedSet", issues);
        if (amount is null) issues.Add(path + "totalRefundedSet", null, MappingRules.Required, "A refund needs its amount.");
        var lines = new List<RefundLine>();
        var k = 0;
        foreach (var line in Nodes(node, "refundLineItems"))
        {
            var linePath = $"{path}refundLineItems[{k++}].";
            var quantity = Number(line, "quantity", linePath + "quantity", issues);
            if (quantity is null) issues.Add(linePath + "quantity", null, MappingRules.Required, "A refund line needs a quantity.");
            var item = Prop(line, "lineItem") ?? default;
            var extras = new Dictionary<string, string>(StringComparer.Ordinal);
            Keep(extras, line, "restockType");
            Keep(extras, line, "restocked");
            Keep(extras, line, "priceSet");
            var subtotal = Money(line, "subtotalSet", currency, linePath + "subtotalSet", issues);
            lines.Add(new RefundLine
            {
                PlatformId = Gid(line, "id", "RefundLineItem", linePath + "id", issues, required: false)
                             ?? (item.ValueKind == JsonValueKind.Object ? Gid(item, "id", "LineItem", linePath + "lineItem.id", issues, required: false) : null) ?? "",
                OrderLinePlatformId = item.ValueKind == JsonValueKind.Object ? Gid(item, "id", "LineItem", linePath + "lineItem.id", issues, required: false) : null,
                ProductPlatformId = item.ValueKind == JsonValueKind.Object ? RefId(item, "product", "Product", linePath + "lineItem.product", issues) : null,
                VariantPlatformId = item.ValueKind == JsonValueKind.Object ? RefId(item, "variant", "ProductVariant", linePath + "lineItem.variant", issues) : null,
                Name = item.ValueKind == JsonValueKind.Object ? NonEmpty(item, "name", linePath + "lineItem.name", issues) : null,
                Sku = item.ValueKind == JsonValueKind.Object ? NonEmpty(item, "sku", linePath + "lineItem.sku", issues) : null,
                Quantity = quantity ?? 0,
                Subtotal = subtotal,
                Total = subtotal,
                TotalTax = Money(line, "totalTaxSet", currency, linePath + "totalTaxSet", issues),
                Extras = Frozen(extras),
            });
        }
        var refundExtras = new Dictionary<string, string>(StringComparer.Ordinal);
        Keep(refundExtras, node, "legacyResourceId");
        if (Prop(node, "totalRefundedSet") is { } bag && Prop(bag, "presentmentMoney") is { } presentment)
            refundExtras["presentmentMoney"] = presentment.GetRawText();
        return new Refund
        {
            PlatformId = id ?? "",
            OrderPlatformId = orderId,
            SourceUrl = orderId is null ? null : options.AdminUrl("orders", orderId),
            Amount = new Money(amount ?? 0m, currency),
            Reason = NonEmpty(node, "note", path + "note", issues),
            CreatedAt = Time(node, "createdAt", path + "createdAt", issues),
            Lines = lines,
            Extras = Frozen(refundExtras),
        };
    }
}
