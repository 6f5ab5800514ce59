using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Dto;
using static Nexus.Core.Platforms.WooCommerce.WooMapping;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>WooCommerce orders (REST v3) to canonical <see cref="Order"/>s.</summary>
public sealed class WooCommerceOrderMapper(WooCommerceMappingOptions options)
{
    public const string EntityType = "order";

    /// <summary>Maps one page from <c>GET /orders</c>; bad orders are quarantined, the rest map.</summary>
    /// <exception cref="MalformedPageException">The page is not a readable JSON array.</exception>
    public MappedPage<Order> MapOrdersPage(ReadOnlySpan<byte> utf8Json) =>
        JsonArrayPageMapper.Map(utf8Json, WooJsonContext.Default.ListWooOrderDto, WooJsonContext.Default.WooOrderDto, Map, EntityType);

    /// <inheritdoc cref="MapOrdersPage(ReadOnlySpan{byte})"/>
    public Task<MappedPage<Order>> MapOrdersPageAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        JsonArrayPageMapper.MapAsync(utf8Json, WooJsonContext.Default.ListWooOrderDto, WooJsonContext.Default.WooOrderDto, Map, EntityType, cancellationToken);

    /// <summary>Maps one order body (<c>GET /orders/{id}</c>); a failure carries the raw JSON.</summary>
    /// <exception cref="MalformedPageException">The body is not readable JSON.</exception>
    public MappingResult<Order> MapOrder(ReadOnlySpan<byte> utf8Json) =>
        JsonArrayPageMapper.MapSingle(utf8Json, WooJsonContext.Default.WooOrderDto, Map, EntityType);

    public MappingResult<Order> Map(WooOrderDto dto)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.Id, "id", issues);
        var createdAt = Utc(dto.DateCreatedGmt, dto.DateCreated);
        if (createdAt is null)
            issues.Add("date_created_gmt", null, MappingRules.Required, "An order needs its creation date.");
        if (string.IsNullOrEmpty(dto.Status))
            issues.Add("status", dto.Status, MappingRules.Required, "An order needs a status.");
        var currency = dto.Currency;
        if (!Money.IsIsoCurrencyCode(currency))
        {
            // Without a currency no amount on the order can be built, so stop here with what is known.
            issues.Add("currency", currency, MappingRules.CurrencyCode, "currency must be an ISO 4217 code such as USD.");
            return issues.Fail<Order>();
        }

        var total = RequiredAmount(dto.Total, currency, "total", issues);
        var lines = MapLines(dto.LineItems, currency, issues);
        if (issues.HasIssues)
            return issues.Fail<Order>();

        var subtotal = Money.Zero(currency);
        foreach (var line in lines)
            subtotal += line.Subtotal;

        return MappingResult<Order>.Success(new Order
        {
            PlatformId = id!,
            Number = NullIfEmpty(dto.Number) ?? id!,
            SourceUrl = options.AdminUrl($"wp-admin/post.php?post={id}&action=edit"),
            CustomerPlatformId = OptionalId(dto.CustomerId),
            BillingEmail = NullIfEmpty(dto.Billing?.Email),
            Currency = currency,
            Status = Status(dto.Status!),
            RawStatus = dto.Status!,
            PricesIncludeTax = dto.PricesIncludeTax ?? false,
            Subtotal = subtotal,
            DiscountTotal = Amount(dto.DiscountTotal, currency),
            DiscountTax = Amount(dto.DiscountTax, currency),
            ShippingTotal = Amount(dto.ShippingTotal, currency),
            ShippingTax = Amount(dto.ShippingTax, currency),
            TaxTotal = Amount(dto.TotalTax, currency),
            Total = total,
            CreatedAt = createdAt!.Value,
            ModifiedAt = Utc(dto.DateModifiedGmt, dto.DateModified),
            PaidAt = Utc(dto.DatePaidGmt, dto.DatePaid),
            CompletedAt = Utc(dto.DateCompletedGmt, dto.DateCompleted),
            Payment = Payment(dto),
            Billing = Address(dto.Billing),
            Shipping = Address(dto.Shipping),
            CustomerNote = NullIfEmpty(dto.CustomerNote),
            ParentPlatformId = OptionalId(dto.ParentId),
            Lines = lines,
            TaxLines = MapList(dto.TaxLines, tax => new TaxLine
            {
                PlatformId = OptionalId(tax.Id) ?? "",
                RateCode = NullIfEmpty(tax.RateCode),
                RatePlatformId = OptionalId(tax.RateId),
                Label = NullIfEmpty(tax.Label),
                Compound = tax.Compound ?? false,
                TaxTotal = Amount(tax.TaxTotal, currency),
                ShippingTaxTotal = Amount(tax.ShippingTaxTotal, currency),
                RatePercent = tax.RatePercent,
                Extras = Extras(tax.MetaData, null),
            }),
            ShippingLines = MapList(dto.ShippingLines, shipping => new ShippingLine
            {
                PlatformId = OptionalId(shipping.Id) ?? "",
                MethodTitle = NullIfEmpty(shipping.MethodTitle),
                MethodId = NullIfEmpty(shipping.MethodId),
                Total = Amount(shipping.Total, currency),
                TotalTax = Amount(shipping.TotalTax, currency),
                Extras = Extras(shipping.MetaData, null),
            }),
            FeeLines = MapList(dto.FeeLines, fee => new FeeLine
            {
                PlatformId = OptionalId(fee.Id) ?? "",
                Name = NullIfEmpty(fee.Name),
                TaxClass = NullIfEmpty(fee.TaxClass),
                TaxStatus = NullIfEmpty(fee.TaxStatus),
                Total = Amount(fee.Total, currency),
                TotalTax = Amount(fee.TotalTax, currency),
                Extras = Extras(fee.MetaData, null),
            }),
            Discounts = MapList(dto.CouponLines, coupon => new DiscountLine
            {
                PlatformId = OptionalId(coupon.Id) ?? "",
                Code = coupon.Code ?? "",
                Discount = Amount(coupon.Discount, currency),
                DiscountTax = Amount(coupon.DiscountTax, currency),
                Extras = Extras(coupon.MetaData, null),
            }),
            // The order payload only summarises refunds (id, reason, negative total); date and lines
            // come from /orders/{id}/refunds via WooCommerceRefundMapper.
            Refunds = MapList(dto.Refunds, refund => new Refund
            {
                PlatformId = OptionalId(refund.Id) ?? "",
                OrderPlatformId = id,
                Amount = Amount(refund.Total, currency).Abs(),
                Reason = NullIfEmpty(refund.Reason),
            }),
            Extras = Extras(dto.MetaData, dto.ExtensionData),
        });
    }

    public static OrderStatus Status(string raw) => raw switch
    {
        "pending" => OrderStatus.Pending,
        "processing" => OrderStatus.Processing,
        "on-hold" => OrderStatus.OnHold,
        "completed" => OrderStatus.Completed,
        "cancelled" => OrderStatus.Cancelled,
        "refunded" => OrderStatus.Refunded,
        "failed" => OrderStatus.Failed,
        "checkout-draft" or "draft" => OrderStatus.Draft,
        _ => OrderStatus.Unknown,
    };

    private static PaymentMethod? Payment(WooOrderDto dto) =>
        string.IsNullOrEmpty(dto.PaymentMethod) && string.IsNullOrEmpty(dto.PaymentMethodTitle) && string.IsNullOrEmpty(dto.TransactionId)
            ? null
            : new PaymentMethod(NullIfEmpty(dto.PaymentMethod), NullIfEmpty(dto.PaymentMethodTitle), NullIfEmpty(dto.TransactionId));

    private static OrderLine[] MapLines(IReadOnlyList<WooLineItemDto>? items, string currency, MappingIssueCollector issues)
    {
        if (items is not { Count: > 0 })
            return [];
        var lines = new OrderLine[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            // Field names are built only for issues: formatting them for every line showed up in the benchmark.
            var lineId = item.Id is > 0 ? OptionalId(item.Id) : RequiredId(item.Id, $"line_items[{i}].id", issues);
            if (item.Quantity is null)
                issues.Add($"line_items[{i}].quantity", null, MappingRules.Required, "A line needs a quantity.");
            if (item.Total is null)
                issues.Add($"line_items[{i}].total", null, MappingRules.Required, "A line needs a total.");
            var quantity = item.Quantity ?? 0m;
            var subtotal = Amount(item.Subtotal, currency);
            lines[i] = new OrderLine
            {
                PlatformId = lineId ?? "",
                Name = NullIfEmpty(item.Name),
                ProductPlatformId = OptionalId(item.ProductId),
                VariantPlatformId = OptionalId(item.VariationId),
                Sku = NullIfEmpty(item.Sku),
                Quantity = quantity,
                // price is absent in very old payloads; subtotal / quantity is the same number.
                UnitPrice = new Money(item.Price ?? (quantity == 0 ? 0m : subtotal.Amount / quantity), currency),
                Subtotal = subtotal,
                SubtotalTax = Amount(item.SubtotalTax, currency),
                Total = Amount(item.Total, currency),
                TotalTax = Amount(item.TotalTax, currency),
                TaxClass = NullIfEmpty(item.TaxClass),
                Taxes = MapList(item.Taxes, tax => new LineTax(OptionalId(tax.Id) ?? "", Amount(tax.Total, currency), Amount(tax.Subtotal, currency))),
                Extras = Extras(item.MetaData, null),
            };
        }

        return lines;
    }

    internal static TModel[] MapList<TDto, TModel>(IReadOnlyList<TDto>? items, Func<TDto, TModel> map)
    {
        if (items is not { Count: > 0 })
            return [];
        var mapped = new TModel[items.Count];
        for (var i = 0; i < mapped.Length; i++)
            mapped[i] = map(items[i]);
        return mapped;
    }
}
