using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Magento.MagentoMapping;

namespace Nexus.Core.Platforms.Magento;

/// <summary>
/// Magento orders (<c>GET /V1/orders</c> items) to canonical <see cref="Order"/>s. Amounts are in the order currency
/// (what the shopper paid); the base currency and base grand total are kept beside them. Parent/child item rows fold
/// into one canonical line per product sold (see <see cref="MapLines"/>). Credit memos become the order's refunds
/// through <see cref="MagentoRefundMapper"/>: the order payload only has totals of them.
/// </summary>
public sealed class MagentoOrderMapper(MagentoMappingOptions options)
{
    public const string EntityType = "order";

    /// <summary>One element of a search page's <c>items</c>; a failure carries the raw JSON for the quarantine.</summary>
    public MappingResult<Order> Map(JsonElement record) => MapRecord(record, MagentoJsonContext.Default.MagentoOrderDto, EntityType, Map);

    public MappingResult<Order> Map(MagentoOrderDto dto)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.EntityId, "entity_id", issues);
        if (dto.CreatedAt is null)
            issues.Add("created_at", null, MappingRules.Required, "An order needs its creation date.");
        if (string.IsNullOrEmpty(dto.Status))
            issues.Add("status", dto.Status, MappingRules.Required, "An order needs a status.");
        var currency = dto.OrderCurrencyCode;
        if (!Money.IsIsoCurrencyCode(currency))
        {
            issues.Add("order_currency_code", currency, MappingRules.CurrencyCode, "order_currency_code must be an ISO 4217 code such as GBP.");
            return issues.Fail<Order>();
        }

        var baseCurrency = Money.IsIsoCurrencyCode(dto.BaseCurrencyCode) ? dto.BaseCurrencyCode : null;
        var total = RequiredAmount(dto.GrandTotal, currency, "grand_total", issues);
        var lines = MapLines(dto.Items, currency, issues);
        if (issues.HasIssues)
            return issues.Fail<Order>();

        var subtotal = Money.Zero(currency);
        var discountTax = Money.Zero(currency);
        foreach (var line in lines)
        {
            subtotal += line.Subtotal;
            discountTax += line.SubtotalTax - line.TotalTax;
        }

        var discount = Amount(dto.DiscountAmount, currency).Abs(); // Magento sends order discounts negative
        var shipping = dto.ExtensionAttributes?.ShippingAssignments is { Count: > 0 } assignments ? assignments[0].Shipping : null;
        var isGuest = dto.CustomerIsGuest == true || dto.CustomerId is not > 0;
        return MappingResult<Order>.Success(new Order
        {
            PlatformId = id!,
            Number = NullIfEmpty(dto.IncrementId) ?? id!,
            SourceUrl = options.Url($"admin/sales/order/view/order_id/{id}/"),
            CustomerPlatformId = isGuest ? null : OptionalId(dto.CustomerId),
            BillingEmail = NullIfEmpty(dto.CustomerEmail) ?? NullIfEmpty(dto.BillingAddress?.Email),
            Currency = currency,
            BaseCurrency = baseCurrency != currency ? baseCurrency : null,
            BaseTotal = baseCurrency is not null && baseCurrency != currency && dto.BaseGrandTotal is { } baseTotal ? new Money(baseTotal, baseCurrency) : null,
            Status = Status(dto.Status!),
            RawStatus = dto.Status!,
            Subtotal = subtotal,
            DiscountTotal = discount,
            DiscountTax = discountTax,
            ShippingTotal = Amount(dto.ShippingAmount, currency),
            ShippingTax = Amount(dto.ShippingTaxAmount, currency),
            TaxTotal = Amount(dto.TaxAmount, currency),
            Total = total,
            CreatedAt = dto.CreatedAt!.Value,
            ModifiedAt = dto.UpdatedAt,
            Payment = dto.Payment is { } p && (p.Method is { Length: > 0 } || p.LastTransId is { Length: > 0 })
                ? new PaymentMethod(NullIfEmpty(p.Method), p.AdditionalInformation is { Count: > 0 } info ? NullIfEmpty(info[0]) : null, NullIfEmpty(p.LastTransId))
                : null,
            Billing = Address(dto.BillingAddress),
            Shipping = Address(shipping?.Address),
            CustomerNote = NullIfEmpty(dto.CustomerNote),
            Lines = lines,
            ShippingLines = dto.ShippingAmount is null && shipping?.Method is null
                ? []
                : [new ShippingLine
                {
                    PlatformId = NullIfEmpty(shipping?.Method) ?? "shipping",
                    MethodId = NullIfEmpty(shipping?.Method),
                    MethodTitle = NullIfEmpty(dto.ShippingDescription),
                    Total = Amount(dto.ShippingAmount, currency),
                    TotalTax = Amount(dto.ShippingTaxAmount, currency),
                }],
            FeeLines = dto.ExtensionAttributes?.GwPrice is decimal wrapping && wrapping > 0
                ? [new FeeLine { PlatformId = "gift_wrapping", Name = "Gift wrapping", Total = new Money(wrapping, currency), TotalTax = Amount(dto.ExtensionAttributes!.GwTaxAmount, currency) }]
                : [],
            Discounts = dto.CouponCode is { Length: > 0 } code
                ? [new DiscountLine { PlatformId = code, Code = code, Discount = discount, DiscountTax = discountTax }]
                : [],
            Extras = Extras(dto.ExtensionData, "extension_attributes.", dto.ExtensionAttributes?.ExtensionData, "payment.", dto.Payment?.ExtensionData),
        });
    }

    /// <summary>Magento order statuses (the default set) to the canonical lifecycle; custom statuses map to Unknown and keep their word in RawStatus.</summary>
    public static OrderStatus Status(string raw) => raw switch
    {
        "pending" or "pending_payment" => OrderStatus.Pending,
        "processing" => OrderStatus.Processing,
        "holded" or "payment_review" or "fraud" => OrderStatus.OnHold,
        "complete" => OrderStatus.Completed,
        "closed" => OrderStatus.Refunded,
        "canceled" => OrderStatus.Cancelled,
        _ => OrderStatus.Unknown,
    };

    /// <summary>
    /// Top-level rows become lines. A configurable row keeps its own amounts and takes its child row's product as the
    /// variant; a bundle row gets its component rows as <see cref="OrderLine.Children"/> and, when the components
    /// carry the money (dynamic-price bundles), their sums as its amounts. A child whose parent row is missing stays a
    /// line of its own, so nothing sold is dropped.
    /// </summary>
    private static OrderLine[] MapLines(IReadOnlyList<MagentoOrderItemDto>? items, string currency, MappingIssueCollector issues)
    {
        if (items is not { Count: > 0 })
            return [];
        // Rows are few per order: linear scans beat building a dictionary for every order.
        List<int>?[]? childrenOf = null;
        bool[]? isChild = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ParentItemId is not > 0)
                continue;
            var parent = IndexOfItem(items, items[i].ParentItemId!.Value);
            if (parent < 0 || parent == i)
                continue;
            childrenOf ??= new List<int>?[items.Count];
            isChild ??= new bool[items.Count];
            (childrenOf[parent] ??= []).Add(i);
            isChild[i] = true;
        }

        var lines = new List<OrderLine>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (isChild is not null && isChild[i])
                continue;
            var item = items[i];
            var children = childrenOf?[i];
            var line = Line(item, i, currency, issues);
            if (children is { Count: > 0 })
            {
                if (item.ProductType == "bundle")
                {
                    var parts = children.Select(k => Line(items[k], k, currency, issues)).ToArray();
                    line = line with { Children = parts };
                    if (item.RowTotal is null or 0 && parts.Any(c => c.Subtotal.Amount != 0))
                        line = line with
                        {
                            Subtotal = Sum(parts, c => c.Subtotal, currency),
                            Total = Sum(parts, c => c.Total, currency),
                            SubtotalTax = Sum(parts, c => c.SubtotalTax, currency),
                            TotalTax = Sum(parts, c => c.TotalTax, currency),
                        };
                }
                else
                {
                    // Configurable (and any other single-child parent): the child is the variant sold.
                    line = line with { VariantPlatformId = OptionalId(items[children[0]].ProductId), Sku = NullIfEmpty(items[children[0]].Sku) ?? line.Sku };
                }
            }
            lines.Add(line);
        }

        return lines.ToArray();
    }

    private static int IndexOfItem(IReadOnlyList<MagentoOrderItemDto> items, long itemId)
    {
        for (var k = 0; k < items.Count; k++)
            if (items[k].ItemId == itemId)
                return k;
        return -1;
    }

    private static OrderLine Line(MagentoOrderItemDto item, int index, string currency, MappingIssueCollector issues)
    {
        var lineId = item.ItemId is > 0 ? OptionalId(item.ItemId) : RequiredId(item.ItemId, $"items[{index}].item_id", issues);
        if (item.QtyOrdered is null)
            issues.Add($"items[{index}].qty_ordered", null, MappingRules.Required, "A line needs a quantity.");
        var quantity = item.QtyOrdered ?? 0m;
        var price = item.Price ?? 0m;
        var subtotal = new Money(item.RowTotal ?? price * quantity, currency);
        var totalTax = Amount(item.TaxAmount, currency);
        return new OrderLine
        {
            PlatformId = lineId ?? "",
            Name = NullIfEmpty(item.Name),
            ProductPlatformId = OptionalId(item.ProductId),
            Sku = NullIfEmpty(item.Sku),
            Quantity = quantity,
            UnitPrice = new Money(price, currency),
            Subtotal = subtotal,
            SubtotalTax = item.TaxBeforeDiscount is { } before ? new Money(before, currency) : totalTax,
            Total = subtotal - Amount(item.DiscountAmount, currency), // item discounts are positive, unlike the order's
            TotalTax = totalTax,
            Extras = Extras(item.ExtensionData),
        };
    }

    private static Money Sum(OrderLine[] lines, Func<OrderLine, Money> amount, string currency)
    {
        var sum = Money.Zero(currency);
        foreach (var line in lines)
            sum += amount(line);
        return sum;
    }
}
