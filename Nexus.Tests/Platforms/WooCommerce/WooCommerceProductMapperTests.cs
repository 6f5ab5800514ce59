using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Platforms.WooCommerce.Dto;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

public class WooCommerceProductMapperTests
{
    private readonly WooCommerceProductMapper _mapper = new(Options);

    private static Money Usd(decimal amount) => new(amount, "USD");

    [Fact]
    public void Documented_simple_product_maps_prices_stock_categories_and_images()
    {
        var product = Assert.Single(_mapper.MapProductsPage(AsPage("product-simple.json")).Mapped);

        Assert.Equal("794", product.PlatformId);
        Assert.Equal("Premium Quality", product.Name);
        Assert.Equal("premium-quality-19", product.Slug);
        Assert.Equal("https://example.com/product/premium-quality-19/", product.SourceUrl);
        Assert.Null(product.Sku);
        Assert.Equal(ProductType.Simple, product.Type);
        Assert.Equal("publish", product.Status);
        Assert.Equal(Usd(21.99m), product.Price);
        Assert.Equal(Usd(21.99m), product.RegularPrice);
        Assert.Null(product.SalePrice);
        Assert.False(product.ManageStock);
        Assert.Null(product.StockQuantity);
        Assert.Equal(StockStatus.InStock, product.StockStatus);
        Assert.Equal(0, product.TotalSales);
        Assert.Equal([new ProductCategory("9", "Clothing", "clothing"), new ProductCategory("14", "T-shirts", "t-shirts")], product.Categories);
        Assert.Equal(
            ["https://example.com/wp-content/uploads/2017/03/T_2_front-4.jpg", "https://example.com/wp-content/uploads/2017/03/T_2_back-2.jpg"],
            product.ImageUrls);
        Assert.Empty(product.Attributes);
        Assert.Empty(product.VariantPlatformIds);
        Assert.Equal(Utc(2017, 3, 23, 20, 1, 14), product.CreatedAt);
        Assert.StartsWith("\"<span class=", product.Extras["price_html"]);
        Assert.StartsWith("\"<p>Pellentesque", product.Extras["description"]);
    }

    [Fact]
    public void Documented_product_list_maps_the_variable_parent_with_blank_prices_and_attribute_options()
    {
        var page = _mapper.MapProductsPage(Bytes("product-list.json"));

        Assert.Empty(page.Quarantined);
        Assert.Equal(["799", "794"], page.Mapped.Select(p => p.PlatformId));
        var variable = page.Mapped[0];
        Assert.Equal(ProductType.Variable, variable.Type);
        Assert.Equal("variable", variable.RawType);
        Assert.Null(variable.Price); // "" on variable parents
        Assert.Null(variable.RegularPrice);
        Assert.Equal(4, variable.ImageUrls.Count);
        Assert.Equal(2, variable.Attributes.Count);
        Assert.Equal(("6", "Color", false, true), (variable.Attributes[0].PlatformId, variable.Attributes[0].Name, variable.Attributes[0].Visible, variable.Attributes[0].UsedForVariants));
        Assert.Equal(["Black", "Green"], variable.Attributes[0].Options);
        Assert.Null(variable.Attributes[1].PlatformId); // id 0 = custom attribute
        Assert.Equal(["S", "M"], variable.Attributes[1].Options);
        Assert.Equal(Utc(2017, 3, 23, 20, 3, 12), variable.ModifiedAt);
    }

    [Fact]
    public void Variable_product_lists_its_variation_ids()
    {
        var product = Assert.Single(_mapper.MapProductsPage(Bytes("handwritten/product-variable.json")).Mapped);

        Assert.Equal(ProductType.Variable, product.Type);
        Assert.Equal("SYI", product.Sku);
        Assert.Equal(Usd(9.00m), product.Price);
        Assert.Null(product.RegularPrice);
        Assert.Equal(3, product.TotalSales); // sent as "3"
        Assert.Equal(["732", "733"], product.VariantPlatformIds);
        Assert.Equal(["Color", "Size"], product.Attributes.Select(a => a.Name));
        Assert.Equal("[ { \"id\": 6, \"name\": \"Color\", \"option\": \"black\" } ]", product.Extras["default_attributes"]);
    }

    [Fact]
    public void Documented_variation_maps_price_stock_and_attribute()
    {
        var dto = JsonSerializer.Deserialize(Bytes("product-variation-single.json"), WooJsonContext.Default.WooVariationDto)!;

        var variant = _mapper.MapVariation(dto, "22").Value!;

        Assert.Equal(("732", "22"), (variant.PlatformId, variant.ProductPlatformId));
        Assert.Equal("https://example.com/product/ship-your-idea/?attribute_pa_color=black", variant.SourceUrl);
        Assert.Null(variant.Sku);
        Assert.Equal(Usd(9.00m), variant.Price);
        Assert.Equal(Usd(9.00m), variant.RegularPrice);
        Assert.Null(variant.SalePrice);
        Assert.False(variant.ManageStock);
        Assert.Null(variant.StockQuantity);
        Assert.Equal(StockStatus.InStock, variant.StockStatus);
        Assert.Equal([new VariantAttribute("Color", "Black")], variant.Attributes);
        Assert.Equal("https://example.com/wp-content/uploads/2016/10/T_4_front-12.jpg", variant.ImageUrl);
        Assert.Equal(Utc(2017, 3, 23, 3, 36, 38), variant.CreatedAt);
    }

    [Fact]
    public void Variation_list_maps_each_variation_with_sale_price_and_parent_managed_stock()
    {
        var page = _mapper.MapVariationsPage(Bytes("handwritten/product-variation-list.json"), "22");

        Assert.Empty(page.Quarantined);
        Assert.Equal(["733", "732"], page.Mapped.Select(v => v.PlatformId));
        var green = page.Mapped[0];
        Assert.Equal((Usd(12.00m), Usd(15.00m), Usd(12.00m)), (green.Price, green.RegularPrice, green.SalePrice));
        Assert.True(green.ManageStock);
        Assert.Equal(7, green.StockQuantity);
        Assert.Equal("SYI-GREEN", green.Sku);
        var black = page.Mapped[1];
        Assert.Equal(StockStatus.OutOfStock, black.StockStatus);
        Assert.False(black.ManageStock);
        Assert.Equal("\"parent\"", black.Extras["manage_stock"]);
        Assert.Null(black.ImageUrl);
        Assert.Equal([new VariantAttribute("Color", "Black"), new VariantAttribute("Size", "M")], black.Attributes);
    }

    [Theory]
    [InlineData("simple", ProductType.Simple)]
    [InlineData("variable", ProductType.Variable)]
    [InlineData("grouped", ProductType.Grouped)]
    [InlineData("external", ProductType.External)]
    [InlineData("subscription", ProductType.Unknown)]
    public void Product_types_map(string raw, ProductType expected) => Assert.Equal(expected, WooCommerceProductMapper.Type(raw));

    [Fact]
    public void Product_prices_use_the_store_currency()
    {
        var euroMapper = new WooCommerceProductMapper(new WooCommerceMappingOptions("EUR"));

        var product = Assert.Single(euroMapper.MapProductsPage(AsPage("product-simple.json")).Mapped);

        Assert.Equal(new Money(21.99m, "EUR"), product.Price);
    }
}
