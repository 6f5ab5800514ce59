using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Shopify.ShopifyJson;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>
/// Shopify <c>Order</c> nodes (a page's <c>data.orders.nodes</c> or a reassembled bulk record) to canonical
/// <see cref="Order"/>s. Shop money is the order's money; the presentment currency and amounts go to Extras.
/// </summary>
public sealed class ShopifyOrderMapper(ShopifyMappingOptions options)
{
    public const string EntityType = "order";

    private static readonly string[] PresentmentTotals =
        ["totalPriceSet", "subtotalPriceSet", "totalTaxSet", "totalDiscountsSet", "totalShippingPriceSet", "totalRefundedSet"];

    private readonly ShopifyRefundMapper _refunds = new(options);

    public MappingResult<Order> Map(JsonElement node)
    {
        var issues = new MappingIssueCollector();
        var id = Gid(node, "id", "Order", "id", issues);
        var createdAt = Time(node, "createdAt", "createdAt", issues);
        if (createdAt is null && Prop(node, "createdAt") is null)
            issues.Add("createdAt", null, MappingRules.Required, "An order needs its creation date.");
        var currency = Str(node, "currencyCode", "currencyCode", issues);
        if (!Model.Money.IsIsoCurrencyCode(currency))
        {
            // Without the shop currency no amount on the order can be built, so stop with what is known.
            issues.Add("currencyCode", currency, MappingRules.CurrencyCode, "currencyCode must be an ISO 4217 code such as USD.");
            return issues.Fail<Order>().WithRawJson(node.GetRawText());
        }
        var total = Amount(node, "totalPriceSet", currency, "totalPriceSet", issues);
        if (total is null) issues.Add("totalPriceSet", null, MappingRules.Required, "An order needs its total.");

        var financial = Str(node, "displayFinancialStatus", "displayFinancialStatus", issues);
        var fulfillment = Str(node, "displayFulfillmentStatus", "displayFulfillmentStatus", issues);
        var cancelledAt = Time(node, "cancelledAt", "cancelledAt", issues);
        var closedAt = Time(node, "closedAt", "closedAt", issues);

        var lines = Lines(node, currency, issues);
        var shipping = ShippingLines(node, currency, issues);
        var taxLines = TaxLines(node, shipping, currency, issues);
        var refunds = new List<Refund>();
        var r = 0;
        foreach (var refund in ShopifyJson.Array(node, "refunds"))
            refunds.Add(_refunds.Map(refund, currency, id, $"refunds[{r++}].", issues));
        if (issues.HasIssues) return issues.Fail<Order>().WithRawJson(node.GetRawText());

        var subtotal = Model.Money.Zero(currency);
        foreach (var line in lines) subtotal += line.Subtotal;
        var shippingTax = Model.Money.Zero(currency);
        foreach (var line in shipping) shippingTax += line.TotalTax;
        var discountTotal = Money(node, "totalDiscountsSet", currency, "totalDiscountsSet", issues);
        var codes = ShopifyJson.Array(node, "discountCodes").Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToArray();
        var gateway = ShopifyJson.Array(node, "paymentGatewayNames").FirstOrDefault(g => g.ValueKind == JsonValueKind.String);
        var email = NonEmpty(node, "email", "email", issues);

        return MappingResult<Order>.Success(new Order
        {
            PlatformId = id!,
            Number = NonEmpty(node, "name", "name", issues) ?? Str(node, "legacyResourceId", "legacyResourceId", issues) ?? id!,
            SourceUrl = options.AdminUrl("orders", id),
            CustomerPlatformId = RefId(node, "customer", "Customer", "customer", issues),
            BillingEmail = email,
            Currency = currency,
            Status = ShopifyOrderStatus.From(financial, fulfillment, cancelledAt is not null, closedAt is not null),
            RawStatus = ShopifyOrderStatus.Raw(financial, fulfillment, cancelledAt is not null, closedAt is not null),
            PricesIncludeTax = Bool(node, "taxesIncluded") ?? false,
            Subtotal = subtotal,
            DiscountTotal = discountTotal,
            DiscountTax = Model.Money.Zero(currency), // Shopify does not split tax out of discounts
            ShippingTotal = Money(node, "totalShippingPriceSet", currency, "totalShippingPriceSet", issues),
            ShippingTax = shippingTax,
            TaxTotal = Money(node, "totalTaxSet", currency, "totalTaxSet", issues),
            Total = new Money(total!.Value, currency),
            CreatedAt = createdAt!.Value,
            ModifiedAt = Time(node, "updatedAt", "updatedAt", issues),
            PaidAt = financial is "PAID" or "PARTIALLY_REFUNDED" or "REFUNDED" or "PARTIALLY_PAID" ? Time(node, "processedAt", "processedAt", issues) : null,
            CompletedAt = closedAt,
            Payment = gateway.ValueKind == JsonValueKind.String ? new PaymentMethod(gateway.GetString(), null, null) : null,
            Billing = Address(node, "billingAddress", "billingAddress", issues, email),
            Shipping = Address(node, "shippingAddress", "shippingAddress", issues),
            CustomerNote = NonEmpty(node, "note", "note", issues),
            Lines = lines,
            TaxLines = taxLines,
            ShippingLines = shipping,
            FeeLines = Fees(node, currency, issues),
            // One code takes the whole discount; Shopify allocates several codes per line, which this query shape does not carry.
            Discounts = codes.Select(code => new DiscountLine
            {
                PlatformId = code, Code = code,
                Discount = codes.Length == 1 ? discountTotal : Model.Money.Zero(currency),
                DiscountTax = Model.Money.Zero(currency),
            }).ToArray(),
            Refunds = refunds,
            Extras = OrderExtras(node),
        });
    }

    private static OrderLine[] Lines(JsonElement node, string currency, MappingIssueCollector issues)
    {
        var lines = new List<OrderLine>();
        var k = 0;
        foreach (var line in Nodes(node, "lineItems"))
        {
            var path = $"lineItems[{k++}].";
            var quantity = Number(line, "quantity", path + "quantity", issues);
            if (quantity is null) issues.Add(path + "quantity", null, MappingRules.Required, "A line needs a quantity.");
            var taxes = LineTaxes(line, currency, path, issues);
            var tax = Model.Money.Zero(currency);
            foreach (var t in taxes) tax += t.Total;
            var extras = new Dictionary<string, string>(StringComparer.Ordinal);
            Keep(extras, line, "customAttributes");
            Keep(extras, line, "variantTitle");
            lines.Add(new OrderLine
            {
                PlatformId = Gid(line, "id", "LineItem", path + "id", issues) ?? "",
                Name = NonEmpty(line, "name", path + "name", issues) ?? NonEmpty(line, "title", path + "title", issues),
                ProductPlatformId = RefId(line, "product", "Product", path + "product", issues),
                VariantPlatformId = RefId(line, "variant", "ProductVariant", path + "variant", issues),
                Sku = NonEmpty(line, "sku", path + "sku", issues),
                Quantity = quantity ?? 0,
                UnitPrice = Money(line, "originalUnitPriceSet", currency, path + "originalUnitPriceSet", issues),
                Subtotal = Money(line, "originalTotalSet", currency, path + "originalTotalSet", issues),
                SubtotalTax = tax,
                Total = Money(line, "discountedTotalSet", currency, path + "discountedTotalSet", issues),
                TotalTax = tax,
                Taxes = taxes,
                Extras = Frozen(extras),
            });
        }
        return lines.ToArray();
    }

    private static LineTax[] LineTaxes(JsonElement line, string currency, string path, MappingIssueCollector issues)
    {
        var taxes = new List<LineTax>();
        var t = 0;
        foreach (var tax in ShopifyJson.Array(line, "taxLines"))
        {
            var amount = Money(tax, "priceSet", currency, $"{path}taxLines[{t++}].priceSet", issues);
            taxes.Add(new LineTax(Str(tax, "title", path + "taxLines.title", issues) ?? "", amount, amount));
        }
        return taxes.ToArray();
    }

    private static ShippingLine[] ShippingLines(JsonElement node, string currency, MappingIssueCollector issues)
    {
        var lines = new List<ShippingLine>();
        var k = 0;
        foreach (var line in Nodes(node, "shippingLines"))
        {
            var path = $"shippingLines[{k++}].";
            var tax = Model.Money.Zero(currency);
            foreach (var t in LineTaxes(line, currency, path, issues)) tax += t.Total;
            lines.Add(new ShippingLine
            {
                PlatformId = Gid(line, "id", "ShippingLine", path + "id", issues, required: false) ?? "",
                MethodTitle = NonEmpty(line, "title", path + "title", issues),
                MethodId = NonEmpty(line, "code", path + "code", issues),
                Total = Prop(line, "discountedPriceSet") is not null
                    ? Money(line, "discountedPriceSet", currency, path + "discountedPriceSet", issues)
                    : Money(line, "originalPriceSet", currency, path + "originalPriceSet", issues),
                TotalTax = tax,
            });
        }
        return lines.ToArray();
    }

    /// <summary>Order tax lines include shipping tax; the part charged on shipping (same title) is split out as Woo's are.</summary>
    private static TaxLine[] TaxLines(JsonElement node, IReadOnlyList<ShippingLine> shipping, string currency, MappingIssueCollector issues)
    {
        var shippingTaxByTitle = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in Nodes(node, "shippingLines"))
            foreach (var tax in ShopifyJson.Array(line, "taxLines"))
                if (Str(tax, "title", "shippingLines.taxLines.title", issues) is { } title)
                    shippingTaxByTitle[title] = shippingTaxByTitle.GetValueOrDefault(title) + (Amount(tax, "priceSet", currency, "shippingLines.taxLines.priceSet", issues) ?? 0m);
        var lines = new List<TaxLine>();
        var k = 0;
        foreach (var tax in ShopifyJson.Array(node, "taxLines"))
        {
            var path = $"taxLines[{k++}].";
            var title = Str(tax, "title", path + "title", issues) ?? "";
            var amount = Amount(tax, "priceSet", currency, path + "priceSet", issues) ?? 0m;
            var onShipping = shippingTaxByTitle.GetValueOrDefault(title);
            lines.Add(new TaxLine
            {
                PlatformId = title,
                Label = title.Length == 0 ? null : title,
                RatePercent = Number(tax, "ratePercentage", path + "ratePercentage", issues),
                TaxTotal = new Money(amount - onShipping, currency),
                ShippingTaxTotal = new Money(onShipping, currency),
            });
        }
        return lines.ToArray();
    }

    private static FeeLine[] Fees(JsonElement node, string currency, MappingIssueCollector issues)
    {
        var fees = new List<FeeLine>();
        var k = 0;
        foreach (var fee in ShopifyJson.Array(node, "additionalFees"))
        {
            var path = $"additionalFees[{k++}].";
            var tax = Model.Money.Zero(currency);
            foreach (var t in LineTaxes(fee, currency, path, issues)) tax += t.Total;
            fees.Add(new FeeLine
            {
                PlatformId = Str(fee, "id", path + "id", issues) ?? "",
                Name = NonEmpty(fee, "name", path + "name", issues),
                Total = Money(fee, "price", currency, path + "price", issues),
                TotalTax = tax,
            });
        }
        return fees.ToArray();
    }

    private static IReadOnlyDictionary<string, string> OrderExtras(JsonElement node)
    {
        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "legacyResourceId", "presentmentCurrencyCode", "displayFinancialStatus", "displayFulfillmentStatus", "cancelledAt", "cancelReason", "phone", "sourceName" })
            Keep(extras, node, name);
        var presentment = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in PresentmentTotals)
            if (Prop(node, name) is { } bag && Prop(bag, "presentmentMoney") is { } money)
                presentment[name] = money;
        if (presentment.Count > 0) extras["presentmentMoney"] = JsonSerializer.Serialize(presentment);
        return Frozen(extras);
    }
}
