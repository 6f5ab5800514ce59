using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Dto;
using static Nexus.Core.Platforms.WooCommerce.WooMapping;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// Full refunds from <c>GET /orders/{order_id}/refunds</c>. The payload names neither its order nor its
/// currency, so the caller (which asked for that order's refunds) supplies both.
/// </summary>
public sealed class WooCommerceRefundMapper(WooCommerceMappingOptions options)
{
    public const string EntityType = "refund";

    /// <exception cref="MalformedPageException">The page is not a readable JSON array.</exception>
    public MappedPage<Refund> MapRefundsPage(ReadOnlySpan<byte> utf8Json, string orderPlatformId, string currency) =>
        JsonArrayPageMapper.Map(utf8Json, WooJsonContext.Default.ListWooRefundDto, WooJsonContext.Default.WooRefundDto, dto => Map(dto, orderPlatformId, currency), EntityType);

    /// <summary>Maps one refund body (<c>GET /orders/{order_id}/refunds/{id}</c>); a failure carries the raw JSON.</summary>
    /// <exception cref="MalformedPageException">The body is not readable JSON.</exception>
    public MappingResult<Refund> MapRefund(ReadOnlySpan<byte> utf8Json, string orderPlatformId, string currency) =>
        JsonArrayPageMapper.MapSingle(utf8Json, WooJsonContext.Default.WooRefundDto, dto => Map(dto, orderPlatformId, currency), EntityType);

    public MappingResult<Refund> Map(WooRefundDto dto, string orderPlatformId, string currency)
    {
        if (!Money.IsIsoCurrencyCode(currency))
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.Id, "id", issues);
        var amount = RequiredAmount(dto.Amount, currency, "amount", issues);
        var lines = WooCommerceOrderMapper.MapList(dto.LineItems, item => MapLine(item, currency));
        if (issues.HasIssues)
            return issues.Fail<Refund>();

        return MappingResult<Refund>.Success(new Refund
        {
            PlatformId = id!,
            OrderPlatformId = orderPlatformId,
            SourceUrl = options.AdminUrl($"wp-admin/post.php?post={orderPlatformId}&action=edit"),
            Amount = amount.Abs(),
            Reason = NullIfEmpty(dto.Reason),
            CreatedAt = Utc(dto.DateCreatedGmt, dto.DateCreated),
            RefundedPayment = dto.RefundedPayment,
            Lines = lines,
            Extras = Extras(dto.MetaData, dto.ExtensionData),
        });
    }

    // WooCommerce stores refund lines as negated copies of the order line; the model keeps amounts
    // positive and links back through the _refunded_item_id meta entry.
    private static RefundLine MapLine(WooLineItemDto item, string currency) => new()
    {
        PlatformId = OptionalId(item.Id) ?? "",
        OrderLinePlatformId = MetaText(item.MetaData, "_refunded_item_id"),
        ProductPlatformId = OptionalId(item.ProductId),
        VariantPlatformId = OptionalId(item.VariationId),
        Name = NullIfEmpty(item.Name),
        Sku = NullIfEmpty(item.Sku),
        Quantity = Math.Abs(item.Quantity ?? 0m),
        Subtotal = Amount(item.Subtotal, currency).Abs(),
        Total = Amount(item.Total, currency).Abs(),
        TotalTax = Amount(item.TotalTax, currency).Abs(),
        Extras = Extras(item.MetaData, null),
    };
}
