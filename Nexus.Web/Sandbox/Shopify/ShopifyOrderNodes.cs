using GraphQL;
using Nexus.Core.Platforms.Sandbox.Generation;
using static Nexus.Web.Sandbox.Shopify.ShopifyFormat;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// A generated order as Shopify's <c>Order</c>. WooCommerce statuses become Shopify's two display statuses plus
/// cancelledAt/closedAt (see docs/sandbox.md); the defects the generator injected are served as they are.
/// </summary>
internal sealed class OrderNode(SandboxOrder o, ShopifyRequest request) : IShopifyNode
{
    private readonly string _currency = request.Currency;

    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "id" => Gid("Order", o.Id),
        "legacyResourceId" => Legacy(o.Id),
        "name" => "#" + Legacy(o.Id),
        "email" => NullIfEmpty(o.Billing.Email),
        "phone" => NullIfEmpty(o.Billing.Phone),
        "note" => NullIfEmpty(o.CustomerNote),
        "createdAt" => Time(o.CreatedUtc),
        "updatedAt" => Time(o.ModifiedUtc),
        "processedAt" => Time(o.PaidUtc ?? o.TrueCreatedUtc),
        "closedAt" => Time(ClosedUtc),
        "closed" => ClosedUtc is not null,
        "cancelledAt" => o.Status == "cancelled" ? Time(o.ModifiedUtc) : null,
        "cancelReason" => o.Status == "cancelled" ? "CUSTOMER" : null,
        "test" => false,
        "confirmed" => true,
        "displayFinancialStatus" => FinancialStatus,
        "displayFulfillmentStatus" => FulfillmentStatus,
        "currencyCode" or "presentmentCurrencyCode" => _currency,
        "taxesIncluded" => false,
        "subtotalPriceSet" => Bag(o.LineItems.Sum(l => l.Total)),
        "totalPriceSet" => Bag(o.Total),
        "totalTaxSet" => Bag(o.TotalTax),
        "totalDiscountsSet" => Bag(o.DiscountTotal),
        "totalShippingPriceSet" => Bag(o.ShippingLine.Total),
        "totalRefundedSet" => Bag(o.Refunds.Sum(r => r.Amount)),
        "currentTotalPriceSet" => Bag(o.Total - o.Refunds.Sum(r => r.Amount)),
        "discountCodes" => o.Coupons.Select(c => c.Code).ToArray(),
        "paymentGatewayNames" => o.PaymentMethod.Length == 0 ? Array.Empty<string>() : [o.PaymentMethod],
        "sourceName" => "web",
        "clientIp" => NullIfEmpty(o.CustomerIp),
        "customer" => o.CustomerId > 0 ? new CustomerNode(request.Store.Customer(request.Snapshot, o.CustomerId), request) : null,
        "billingAddress" => MailingAddressNode.Of(o.Billing, o.Id * 4L + 1),
        "shippingAddress" => MailingAddressNode.Of(o.Shipping, o.Id * 4L + 2),
        "lineItems" => Connection.OfList(o.LineItems, l => l.Id, l => new LineItemNode(l, request, _currency), context),
        "shippingLines" => Connection.OfList([o.ShippingLine], s => s.Id, s => new ShippingLineNode(s, request.Store.Settings, _currency), context),
        "taxLines" => TaxLines(),
        "additionalFees" => o.Fees.Select(f => (IShopifyNode)new Fields(new Dictionary<string, object?>
        {
            ["id"] = Gid("AdditionalFee", f.Id),
            ["name"] = f.Name,
            ["price"] = Bag(f.Total),
            ["taxLines"] = new[] { TaxLineNode.Of(request.Store.Settings, f.Tax, _currency) },
        })).ToArray(),
        "refunds" => o.Refunds.Take(context.GetArgument<int?>("first") ?? int.MaxValue).Select(r => new RefundNode(r, this, o, request, _currency)).ToArray(),
        _ => null,
    };

    private DateTime? ClosedUtc => o.Status is "completed" or "refunded" ? o.CompletedUtc ?? o.ModifiedUtc : null;

    private string? FinancialStatus => o.Status switch
    {
        "pending" or "on-hold" => "PENDING",
        "processing" => "PAID",
        "completed" => o.Refunds.Count > 0 ? "PARTIALLY_REFUNDED" : "PAID",
        "refunded" => "REFUNDED",
        "cancelled" => "VOIDED",
        "failed" => "EXPIRED",
        _ => null, // the UnknownStatus defect: Shopify's field is nullable, and this is what an unmapped state looks like
    };

    private string FulfillmentStatus => o.Status switch
    {
        "completed" or "refunded" => "FULFILLED",
        "on-hold" => "ON_HOLD",
        _ => "UNFULFILLED",
    };

    private IShopifyNode[] TaxLines()
    {
        var tax = o.TotalTax;
        return tax == 0 ? [] : [TaxLineNode.Of(request.Store.Settings, tax, _currency)];
    }

    private MoneyBag Bag(decimal amount) => new(amount, _currency);

    internal static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}

internal static class TaxLineNode
{
    public static IShopifyNode Of(StoreSettings settings, decimal amount, string currency) => new Fields(new Dictionary<string, object?>
    {
        ["title"] = settings.TaxLabel,
        ["rate"] = (double)settings.TaxRate,
        ["ratePercentage"] = (double)(settings.TaxRate * 100m),
        ["priceSet"] = new MoneyBag(amount, currency),
    });
}

internal sealed class LineItemNode(SandboxLineItem line, ShopifyRequest request, string currency) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "id" => Gid("LineItem", line.Id),
        "name" => line.Name,
        "title" => Product?.Name ?? line.Name,
        "sku" => OrderNode.NullIfEmpty(line.Sku),
        "quantity" or "currentQuantity" => line.Quantity,
        "variantTitle" => Variation is { } v ? v.NameSuffix[3..] : null,
        "product" => Product is { } p ? new ProductNode(p, request) : null,
        "variant" => Product is { } vp ? ProductNode.VariantOf(vp, Variation, request) : null,
        "originalUnitPriceSet" => new MoneyBag(line.Price, currency),
        "discountedUnitPriceSet" => new MoneyBag(line.Quantity == 0 ? 0 : Math.Round(line.Total / line.Quantity, 2), currency),
        "originalTotalSet" => new MoneyBag(line.Subtotal, currency),
        "discountedTotalSet" => new MoneyBag(line.Total, currency),
        "totalDiscountSet" => new MoneyBag(line.Subtotal - line.Total, currency),
        "taxLines" => line.TotalTax == 0 ? Array.Empty<IShopifyNode>() : [TaxLineNode.Of(request.Store.Settings, line.TotalTax, currency)],
        "customAttributes" => line.Meta.Select(m => (IShopifyNode)new Fields(new Dictionary<string, object?> { ["key"] = m.Key, ["value"] = m.Value })).ToArray(),
        "taxable" => true,
        _ => null,
    };

    /// <summary>Null for the OrphanLineItem defect: the product was deleted, as Shopify shows it.</summary>
    private SandboxProduct? Product => request.Store.FindProduct(line.ProductId);

    private SandboxVariation? Variation => line.VariationId == 0 ? null : Product?.Variations.FirstOrDefault(v => v.Id == line.VariationId);
}

internal sealed class ShippingLineNode(SandboxShippingLine s, StoreSettings settings, string currency) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "id" => Gid("ShippingLine", s.Id),
        "title" => s.MethodTitle,
        "code" => s.MethodId,
        "source" => "shopify",
        "originalPriceSet" or "discountedPriceSet" => new MoneyBag(s.Total, currency),
        "taxLines" => s.Tax == 0 ? Array.Empty<IShopifyNode>() : [TaxLineNode.Of(settings, s.Tax, currency)],
        _ => null,
    };
}

internal sealed class RefundNode(SandboxRefund r, OrderNode orderNode, SandboxOrder order, ShopifyRequest request, string currency) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "id" => Gid("Refund", r.Id),
        "legacyResourceId" => Legacy(r.Id),
        "createdAt" or "updatedAt" => Time(r.CreatedUtc),
        "note" => OrderNode.NullIfEmpty(r.Reason),
        "totalRefundedSet" => new MoneyBag(r.Amount, currency),
        "order" => orderNode,
        "refundLineItems" => Connection.OfList(r.Lines, l => l.Id, l => new Fields(new Dictionary<string, object?>
        {
            ["id"] = Gid("RefundLineItem", l.Id),
            ["quantity"] = l.Quantity,
            // A full refund is the parcel coming back; a partial one is a damaged item nobody can sell again.
            ["restockType"] = r.Lines.Count > 1 || order.Status == "refunded" ? "RETURN" : "NO_RESTOCK",
            ["restocked"] = r.Lines.Count > 1 || order.Status == "refunded",
            ["lineItem"] = new LineItemNode(l.Refunded, request, currency),
            ["priceSet"] = new MoneyBag(l.Refunded.Price, currency),
            ["subtotalSet"] = new MoneyBag(l.Total, currency),
            ["totalTaxSet"] = new MoneyBag(l.Tax, currency),
        }), context),
        _ => null,
    };
}
