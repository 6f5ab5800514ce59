using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Platforms.WooCommerce.Dto;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>Single-record bodies and the other response shapes (batch, downloads).</summary>
public class WooSingleAndBatchTests
{
    [Fact]
    public void Single_order_body_maps()
    {
        var result = new WooCommerceOrderMapper(Options).MapOrder(Bytes("order-single.json"));

        Assert.True(result.IsSuccess);
        Assert.Equal(("727", new Money(29.35m, "USD")), (result.Value!.PlatformId, result.Value.Total));
    }

    [Fact]
    public void Single_bad_body_fails_with_its_raw_json_and_unreadable_body_throws()
    {
        var json = """{"id": 5, "currency": "USD", "status": "pending", "total": "ten", "date_created_gmt": "2020-01-01T00:00:00"}""";
        var mapper = new WooCommerceOrderMapper(Options);

        var result = mapper.MapOrder(Utf8(json));

        Assert.False(result.IsSuccess);
        Assert.Equal(json, result.RawJson);
        Assert.Equal(("$.total", "ten", MappingRules.Decimal), (result.Issues[0].Field, result.Issues[0].Value, result.Issues[0].Rule));
        Assert.Throws<MalformedPageException>(() => mapper.MapOrder(Utf8("""{"id": 5, "currency": """)));
    }

    [Fact]
    public void Single_refund_customer_product_and_variation_bodies_map()
    {
        var refund = new WooCommerceRefundMapper(Options).MapRefund(Utf8("""
            {"id": 726, "date_created": "2017-03-21T17:07:11", "date_created_gmt": "2017-03-21T20:07:11", "amount": "10.00",
             "reason": "", "refunded_by": 1, "refunded_payment": false, "meta_data": [], "line_items": []}
            """), "723", "USD").Value!;
        var customer = new WooCommerceCustomerMapper(Options).MapCustomer(Bytes("customer-single.json")).Value!;
        var product = new WooCommerceProductMapper(Options).MapProduct(Bytes("product-simple.json")).Value!;
        var variant = new WooCommerceProductMapper(Options).MapVariation(Bytes("product-variation-single.json"), "22").Value!;

        Assert.Equal(("726", new Money(10.00m, "USD"), Utc(2017, 3, 21, 20, 7, 11)), (refund.PlatformId, refund.Amount, refund.CreatedAt));
        Assert.Equal("john.doe@example.com", customer.Email);
        Assert.Equal(new Money(21.99m, "USD"), product.Price);
        Assert.Equal(("732", "22"), (variant.PlatformId, variant.ProductPlatformId));
    }

    [Fact]
    public void Batch_response_lists_created_updated_and_deleted_orders()
    {
        var order = System.Text.Encoding.UTF8.GetString(Bytes("order-single.json"));
        var body = $$"""{"create": [{{order}}], "update": [{{order.Replace("\"id\": 727,", "\"id\": 728,")}}], "delete": []}""";

        var batch = JsonSerializer.Deserialize(body, WooJsonContext.Default.WooOrderBatchDto)!;

        Assert.Equal([727L], batch.Create!.Select(o => o.Id!.Value));
        Assert.Equal([728L], batch.Update!.Select(o => o.Id!.Value));
        Assert.Empty(batch.Delete!);
    }

    [Fact]
    public void Customer_downloads_keep_never_and_unlimited_as_text()
    {
        var downloads = JsonSerializer.Deserialize("""
            [{"download_id": "91447fd1849316bbc89dfb7e986a6006", "download_url": "https://example.com/?download_file=96",
              "product_id": 96, "product_name": "Woo Album #2", "download_name": "Woo Album #2 &ndash; Song 2",
              "order_id": 723, "order_key": "wc_order_58d17c18352", "downloads_remaining": "unlimited",
              "access_expires": "never", "access_expires_gmt": "never",
              "file": {"name": "Song 2", "file": "http://example.com/wp-content/uploads/Song-2.mp3"}}]
            """, WooJsonContext.Default.ListWooCustomerDownloadDto)!;

        var download = Assert.Single(downloads);
        Assert.Equal((96L, 723L, "unlimited", "never"), (download.ProductId, download.OrderId, download.DownloadsRemaining, download.AccessExpires));
        Assert.Equal("Song 2", download.File!.Name);
    }
}
