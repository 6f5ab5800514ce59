using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Tests.Platforms.Magento.MagentoFixtures;

namespace Nexus.Tests.Platforms.Magento;

public class MagentoRefundMapperTests
{
    private static Money Usd(decimal amount) => new(amount, "USD");

    [Fact]
    public void Credit_memo_becomes_a_refund_with_its_lines_in_the_order_currency()
    {
        var refund = new MagentoRefundMapper(Options).Map(Element("handwritten/creditmemo-configurable.json")).Value!;

        Assert.Equal(("77", "4021"), (refund.PlatformId, refund.OrderPlatformId));
        Assert.Equal(new Money(55.69m, "EUR"), refund.Amount);
        Assert.Equal("Wrong size", refund.Reason);
        Assert.Equal(Utc(2026, 1, 20, 9, 0, 0), refund.CreatedAt);
        Assert.Equal("https://magento.example/admin/sales/creditmemo/view/creditmemo_id/77/", refund.SourceUrl);
        var line = Assert.Single(refund.Lines);
        Assert.Equal(("150", "9001", "67", "56"), (line.PlatformId, line.OrderLinePlatformId, line.ProductPlatformId, line.VariantPlatformId));
        Assert.Equal((1m, 52m, 46.8m, 8.89m), (line.Quantity, line.Subtotal.Amount, line.Total.Amount, line.TotalTax.Amount));
        Assert.Equal("EUR", line.Total.Currency);
    }

    [Fact]
    public void Documented_invoice_rows_fold_into_configurable_and_bundle_lines()
    {
        // Invoices and credit memos share the item shape; the shared docs example is an invoice.
        var invoice = JsonSerializer.Deserialize(Bytes("invoice-single.json"), MagentoJsonContext.Default.MagentoSalesDocumentDto)!;
        var issues = new MappingIssueCollector();

        var lines = MagentoRefundMapper.DocumentLines(invoice.Items, "USD", issues);

        Assert.False(issues.HasIssues);
        Assert.Equal(
            [
                ("3", "1553", null, "WS12-M-Orange", 22m),
                ("4", "49", null, "240-LV08", 18m),
                ("5", "51", null, "24-WG080-24-WG084-24-WG088-24-WG082-blue-24-WG086", 68m),
                ("10", "67", "56", "MH01-S-Gray", 52m),
            ],
            lines.Select(l => (l.PlatformId, l.ProductPlatformId!, l.VariantPlatformId, l.Sku!, l.Total.Amount)));
        // The invoice's subtotal is exactly the folded lines' sum: no row is counted twice or lost.
        Assert.Equal(invoice.Subtotal, lines.Sum(l => l.Subtotal.Amount));
        Assert.Equal(165m, invoice.GrandTotal);
        var kit = lines[2];
        Assert.Equal(Usd(68m), kit.Subtotal);
        using var children = JsonDocument.Parse(kit.Extras["bundle_items"]);
        Assert.Equal(["24-WG082-blue", "24-WG084", "24-WG086", "24-WG088"], children.RootElement.EnumerateArray().Select(c => c.GetProperty("sku").GetString()));
        Assert.Equal(["3", "4", "5", "10"], lines.Select(l => l.OrderLinePlatformId));
    }

    [Fact]
    public void Documented_invoice_read_as_a_document_keeps_totals_and_dates()
    {
        var result = new MagentoRefundMapper(Options).Map(Element("invoice-single.json"));

        var document = result.Value!;
        Assert.Equal(("3", "3", Usd(165m)), (document.PlatformId, document.OrderPlatformId, document.Amount));
        Assert.Equal(Utc(2017, 8, 21, 22, 36, 2), document.CreatedAt);
        Assert.Equal("9", document.Extras["total_qty"]);
    }

    [Fact]
    public void Credit_memo_without_order_id_is_quarantined()
    {
        var result = new MagentoRefundMapper(Options).Map(Parse("""{"entity_id": 5, "grand_total": 3, "items": []}"""));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("order_id", MappingRules.PositiveId), (issue.Field, issue.Rule));
        Assert.NotNull(result.RawJson);
    }
}
