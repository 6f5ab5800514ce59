using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Tests.Platforms.Magento.MagentoFixtures;

namespace Nexus.Tests.Platforms.Magento;

public class MagentoCatalogMapperTests
{
    private static Money Usd(decimal amount) => new(amount, "USD");

    [Fact]
    public void Documented_customer_maps_names_dates_and_default_addresses()
    {
        var result = new MagentoCustomerMapper(Options).Map(Element("customer-single.json"));

        Assert.True(result.IsSuccess);
        var c = result.Value!;
        Assert.Equal("2", c.PlatformId);
        Assert.Equal("https://magento.example/admin/customer/index/edit/id/2/", c.SourceUrl);
        Assert.Equal("jdoe@example.com", c.Email);
        Assert.Equal(("Jane", "Doe"), (c.FirstName, c.LastName));
        Assert.Equal("512-555-1111", c.Phone);
        Assert.False(c.IsGuest);
        Assert.Null(c.IsPayingCustomer);
        Assert.Equal(Utc(2017, 1, 31, 1, 18, 13), c.CreatedAt);
        Assert.Equal(Utc(2017, 1, 31, 1, 18, 13), c.ModifiedAt);
        var expected = new Address
        {
            FirstName = "Jane", LastName = "Doe", Line1 = "123 Oak Ave", City = "Purchase", Region = "NY", PostalCode = "10755",
            CountryCode = "US", Email = "jdoe@example.com", Phone = "512-555-1111",
        };
        Assert.Equal(expected, c.Billing);
        Assert.Equal(expected with { Email = null }, c.Shipping);
        // Nothing fetched is lost: fields without a canonical column stay as raw JSON.
        Assert.Equal("1", c.Extras["group_id"]);
        Assert.Equal("\"Default Store View\"", c.Extras["created_in"]);
        Assert.Equal("0", c.Extras["disable_auto_group_change"]);
    }

    [Fact]
    public void Customer_without_addresses_has_none_rather_than_blank_ones()
    {
        var result = new MagentoCustomerMapper(Options).Map(Parse("""{"id": 9, "email": "a@b.co", "firstname": "A", "lastname": "B", "addresses": [], "created_at": "2026-01-02 03:04:05"}"""));

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value!.Billing);
        Assert.Null(result.Value.Phone);
        Assert.Equal(Utc(2026, 1, 2, 3, 4, 5), result.Value.CreatedAt);
    }

    [Fact]
    public void Documented_simple_product_maps_price_stock_categories_and_slug()
    {
        var result = new MagentoProductMapper(Options).Map(Element("product-simple.json"));

        Assert.True(result.IsSuccess);
        var p = result.Value!;
        Assert.Equal("2079", p.PlatformId);
        Assert.Equal("MS-Champ-S", p.Sku);
        Assert.Equal("Champ Tee Small", p.Name);
        Assert.Equal(ProductType.Simple, p.Type);
        Assert.Equal("simple", p.RawType);
        Assert.Equal("enabled", p.Status);
        Assert.Equal(Usd(25m), p.Price);
        Assert.Equal(Usd(25m), p.RegularPrice);
        Assert.Null(p.SalePrice);
        Assert.True(p.ManageStock);
        Assert.Equal(10, p.StockQuantity);
        Assert.Equal(StockStatus.InStock, p.StockStatus);
        Assert.Equal(["11", "12", "16"], p.Categories.Select(c => c.PlatformId));
        Assert.Equal("champ-tee-small", p.Slug);
        Assert.Equal("https://magento.example/champ-tee-small.html", p.SourceUrl);
        Assert.Empty(p.VariantPlatformIds);
        Assert.Null(p.ComponentSkus);
        Assert.Equal(Utc(2017, 11, 29, 20, 40, 7), p.CreatedAt);
        Assert.Equal("0.5", p.Extras["weight"]);
        Assert.Contains("{\"attribute_code\":\"material\",\"value\":\"148\"}", p.Extras["custom_attributes"]);
        Assert.Contains("\"category_ids\",\"value\":[\"11\",\"12\",\"16\"]", p.Extras["custom_attributes"]);
    }

    [Fact]
    public void Documented_grouped_product_is_grouped_out_of_stock_with_no_members_yet()
    {
        var result = new MagentoProductMapper(Options).Map(Element("product-grouped.json"));

        Assert.True(result.IsSuccess);
        var p = result.Value!;
        Assert.Equal("2053", p.PlatformId);
        Assert.Equal("new-grouped", p.Sku);
        Assert.Equal(ProductType.Grouped, p.Type);
        Assert.Null(p.Price); // grouped products have no price of their own
        Assert.Equal(0, p.StockQuantity);
        Assert.Equal(StockStatus.OutOfStock, p.StockStatus);
        Assert.Equal("out_of_stock", p.RawStockStatus);
        Assert.Empty(p.ComponentSkus!);
        Assert.Equal("new-grouped-product", p.Slug);
        Assert.Equal(Utc(2019, 8, 15, 17, 51, 13), p.ModifiedAt);
    }

    [Fact]
    public void Configurable_parent_lists_children_options_and_bundle_lists_component_skus()
    {
        var mapper = new MagentoProductMapper(Options);
        var configurable = mapper.Map(Parse("""
            {"id": 67, "sku": "MH01", "name": "Chaz Kangeroo Hoodie", "price": 0, "status": 1, "type_id": "configurable",
             "extension_attributes": {"configurable_product_options": [{"id": 5, "attribute_id": "93", "label": "Size", "values": [{"value_index": 167}, {"value_index": 168}]}],
                                      "configurable_product_links": [56, 57]},
             "custom_attributes": []}
            """)).Value!;
        var bundle = mapper.Map(Parse("""
            {"id": 51, "sku": "24-WG080", "name": "Sprite Yoga Companion Kit", "price": 0, "status": 2, "type_id": "bundle",
             "extension_attributes": {"bundle_product_options": [{"option_id": 1, "title": "Ball", "product_links": [{"sku": "24-WG082-blue"}, {"sku": "24-WG083-gray"}]},
                                                                 {"option_id": 2, "title": "Brick", "product_links": [{"sku": "24-WG084"}]}]}}
            """)).Value!;

        Assert.Equal(ProductType.Variable, configurable.Type);
        Assert.Null(configurable.Price);
        Assert.Equal(["56", "57"], configurable.VariantPlatformIds);
        var option = Assert.Single(configurable.Attributes);
        Assert.Equal(("93", "Size", true), (option.PlatformId, option.Name, option.UsedForVariants));
        Assert.Equal(["167", "168"], option.Options);
        Assert.Equal(["size"], MagentoProductMapper.VariantAttributeCodes(configurable));

        Assert.Equal(ProductType.Bundle, bundle.Type);
        Assert.Equal("disabled", bundle.Status);
        Assert.Equal(["24-WG082-blue", "24-WG083-gray", "24-WG084"], bundle.ComponentSkus);
    }

    [Fact]
    public void Configurable_child_maps_to_a_variant_with_its_attribute_values_and_sale_price()
    {
        var result = new MagentoProductMapper(Options).MapVariant(Parse("""
            {"id": 56, "sku": "MH01-S-Gray", "name": "Chaz Kangeroo Hoodie-S-Gray", "price": 52, "status": 1, "visibility": 1, "type_id": "simple",
             "updated_at": "2026-03-01 10:00:00",
             "extension_attributes": {"stock_item": {"qty": 7, "is_in_stock": true, "manage_stock": true}},
             "custom_attributes": [{"attribute_code": "size", "value": "167"}, {"attribute_code": "color", "value": "52"}, {"attribute_code": "special_price", "value": "44.5000"}]}
            """), "67", ["size", "color", "material"]);

        Assert.True(result.IsSuccess);
        var v = result.Value!;
        Assert.Equal(("56", "67", "MH01-S-Gray"), (v.PlatformId, v.ProductPlatformId, v.Sku));
        Assert.Equal([new VariantAttribute("size", "167"), new VariantAttribute("color", "52")], v.Attributes);
        Assert.Equal(Usd(44.5m), v.Price);
        Assert.Equal(Usd(52m), v.RegularPrice);
        Assert.Equal(Usd(44.5m), v.SalePrice);
        Assert.Equal(7, v.StockQuantity);
        Assert.Equal(Utc(2026, 3, 1, 10, 0, 0), v.ModifiedAt);
    }

    [Fact]
    public void Unreadable_product_values_are_quarantined_with_path_value_rule_and_raw_json()
    {
        var raw = """{"id": 5, "sku": "X", "name": "Broken", "type_id": "simple", "price": "12,50", "created_at": "0000-00-00 00:00:00"}""";

        var result = new MagentoProductMapper(Options).Map(Parse(raw));

        Assert.False(result.IsSuccess);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("$.price", "12,50", MappingRules.Decimal), (issue.Field, issue.Value, issue.Rule));
        Assert.Equal(raw, result.RawJson);
    }

    [Fact]
    public void Zero_dates_are_refused_as_dates()
    {
        var result = new MagentoProductMapper(Options).Map(Parse("""{"id": 5, "sku": "X", "name": "N", "type_id": "simple", "created_at": "0000-00-00 00:00:00"}"""));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("$.created_at", "0000-00-00 00:00:00", MappingRules.DateTime), (issue.Field, issue.Value, issue.Rule));
    }
}
