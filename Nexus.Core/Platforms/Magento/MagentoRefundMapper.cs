using System.Buffers;
using System.Text;
using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Core.Platforms.Magento.MagentoMapping;

namespace Nexus.Core.Platforms.Magento;

/// <summary>
/// Magento credit memos (<c>GET /V1/creditmemos</c> items) to canonical <see cref="Refund"/>s with their lines.
/// The amount is <c>grand_total</c> (what was given back, shipping and adjustments included) in the order currency.
/// </summary>
public sealed class MagentoRefundMapper(MagentoMappingOptions options)
{
    public const string EntityType = "refund";

    public MappingResult<Refund> Map(JsonElement record) => MapRecord(record, MagentoJsonContext.Default.MagentoSalesDocumentDto, EntityType, Map);

    public MappingResult<Refund> Map(MagentoSalesDocumentDto dto)
    {
        var issues = new MappingIssueCollector();
        var id = RequiredId(dto.EntityId, "entity_id", issues);
        var orderId = RequiredId(dto.OrderId, "order_id", issues);
        var currency = dto.OrderCurrencyCode ?? options.BaseCurrency;
        if (!Money.IsIsoCurrencyCode(currency))
        {
            issues.Add("order_currency_code", currency, MappingRules.CurrencyCode, "order_currency_code must be an ISO 4217 code such as GBP.");
            return issues.Fail<Refund>();
        }
        var amount = RequiredAmount(dto.GrandTotal, currency, "grand_total", issues);
        var lines = DocumentLines(dto.Items, currency, issues);
        if (issues.HasIssues)
            return issues.Fail<Refund>();

        return MappingResult<Refund>.Success(new Refund
        {
            PlatformId = id!,
            OrderPlatformId = orderId,
            SourceUrl = options.Url($"admin/sales/creditmemo/view/creditmemo_id/{id}/"),
            Amount = amount.Abs(),
            Reason = dto.Comments?.Select(c => NullIfEmpty(c.Comment)).FirstOrDefault(c => c is not null) ?? NullIfEmpty(dto.CustomerNote),
            CreatedAt = dto.CreatedAt,
            Lines = lines,
            Extras = Extras(dto.ExtensionData),
        });
    }

    /// <summary>
    /// Invoice and credit memo rows carry no parent link, so their structure is read from the rows themselves, the way
    /// Magento writes them: a configurable product is its parent row (with the money) followed by a child row with the
    /// same SKU and price 0, which becomes the line's variant; a bundle is a row whose SKU is the bundle's SKU joined
    /// with its components' SKUs, followed by those component rows. A bundle row without <c>row_total</c> (dynamic
    /// price) takes its components' sums; the components themselves are kept in the line's Extras as
    /// <c>bundle_items</c>. Quantities and amounts are positive.
    /// </summary>
    public static IReadOnlyList<RefundLine> DocumentLines(IReadOnlyList<MagentoSalesDocumentItemDto>? items, string currency, MappingIssueCollector issues)
    {
        if (items is not { Count: > 0 })
            return [];
        var lines = new List<RefundLine>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var line = Line(item, i, currency, issues);
            var sku = item.Sku ?? "";
            var k = i + 1;
            if (k < items.Count && items[k].Sku == sku && items[k].Price is null or 0 && sku.Length > 0)
            {
                line = line with { VariantPlatformId = OptionalId(items[k].ProductId), Name = line.Name };
                k++;
            }
            else
            {
                var parts = new List<MagentoSalesDocumentItemDto>();
                while (k < items.Count && items[k].Sku is { Length: > 0 } childSku && childSku != sku && sku.Contains(childSku, StringComparison.Ordinal))
                    parts.Add(items[k++]);
                if (parts.Count > 0)
                {
                    if (item.RowTotal is null)
                    {
                        var subtotal = parts.Sum(p => p.RowTotal ?? 0m);
                        line = line with
                        {
                            Subtotal = new Money(subtotal, currency),
                            Total = new Money(subtotal - parts.Sum(p => p.DiscountAmount ?? 0m), currency),
                            TotalTax = new Money(parts.Sum(p => p.TaxAmount ?? 0m), currency),
                        };
                    }
                    line = line with { Extras = new Dictionary<string, string>(line.Extras, StringComparer.Ordinal) { ["bundle_items"] = BundleItems(parts) } };
                }
            }
            lines.Add(line);
            i = k - 1;
        }

        return lines;
    }

    private static RefundLine Line(MagentoSalesDocumentItemDto item, int index, string currency, MappingIssueCollector issues)
    {
        var lineId = item.EntityId is > 0 ? OptionalId(item.EntityId) : RequiredId(item.EntityId, $"items[{index}].entity_id", issues);
        if (item.Qty is null)
            issues.Add($"items[{index}].qty", null, MappingRules.Required, "A line needs a quantity.");
        var subtotal = item.RowTotal ?? (item.Price ?? 0m) * (item.Qty ?? 0m);
        return new RefundLine
        {
            PlatformId = lineId ?? "",
            OrderLinePlatformId = OptionalId(item.OrderItemId),
            ProductPlatformId = OptionalId(item.ProductId),
            Name = NullIfEmpty(item.Name),
            Sku = NullIfEmpty(item.Sku),
            Quantity = Math.Abs(item.Qty ?? 0m),
            Subtotal = new Money(Math.Abs(subtotal), currency),
            Total = new Money(Math.Abs(subtotal - (item.DiscountAmount ?? 0m)), currency),
            TotalTax = new Money(Math.Abs(item.TaxAmount ?? 0m), currency),
            Extras = Extras(item.ExtensionData),
        };
    }

    private static string BundleItems(List<MagentoSalesDocumentItemDto> parts)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var p in parts)
            {
                w.WriteStartObject();
                if (p.ProductId is { } productId) w.WriteNumber("product_id", productId);
                w.WriteString("sku", p.Sku);
                w.WriteString("name", p.Name);
                if (p.Qty is { } qty) w.WriteNumber("qty", qty);
                if (p.RowTotal is { } rowTotal) w.WriteNumber("row_total", rowTotal);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
