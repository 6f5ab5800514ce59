using Nexus.Core.Model;
using Nexus.Core.Platforms.Shopify;

namespace Nexus.Tests.Platforms.Shopify;

public class ShopifyCatalogMapperTests
{
    [Fact]
    public void The_reference_customer_maps_default_email_phone_and_addresses()
    {
        var mapper = new ShopifyCustomerMapper(ShopifyFixtures.Options);
        var page = ShopifyPageMapper.Map(ShopifyFixtures.Bytes("customers-page.json"), "customers", mapper.Map, ShopifyCustomerMapper.EntityType);
        Assert.Empty(page.Quarantined);
        var customer = Assert.Single(page.Mapped);
        Assert.Equal("gid://shopify/Customer/207119551", customer.PlatformId);
        Assert.Equal("https://jsmith.myshopify.com/admin/customers/207119551", customer.SourceUrl);
        Assert.Equal("bob.norman@mail.example.com", customer.Email);
        Assert.Equal("+16136120707", customer.Phone);
        Assert.Equal("Bob", customer.FirstName);
        Assert.Equal("Norman", customer.LastName);
        Assert.True(customer.IsPayingCustomer);
        Assert.False(customer.IsGuest);
        Assert.Equal("Louisville", customer.Billing!.City);
        Assert.Equal("bob.norman@mail.example.com", customer.Billing.Email);
        Assert.Null(customer.Shipping); // the reference customer has one saved address, the default one
        Assert.Equal(ShopifyFixtures.At(2025, 4, 2, 11, 25, 34, -5), customer.CreatedAt);
        Assert.Equal("\"DISABLED\"", customer.Extras["state"]);
    }

    [Fact]
    public void The_reference_product_maps_its_variants_skus_prices_and_inventory()
    {
        var mapper = new ShopifyProductMapper(ShopifyFixtures.Options, "USD");
        var page = ShopifyPageMapper.Map(ShopifyFixtures.Bytes("products-page.json"), "products", mapper.Map, ShopifyProductMapper.EntityType);
        Assert.Empty(page.Quarantined);
        var product = Assert.Single(page.Mapped);
        Assert.Equal("gid://shopify/Product/632910392", product.PlatformId);
        Assert.Equal("IPod Nano - 8GB", product.Name);
        Assert.Equal("ipod-nano", product.Slug);
        Assert.Equal(ProductType.Variable, product.Type);
        Assert.Equal("active", product.Status);
        Assert.Equal("Cult Products", Assert.Single(product.Categories).Name);
        Assert.Equal(["Pink", "Red", "Green", "Black"], Assert.Single(product.Attributes).Options);
        Assert.Equal(
            [("gid://shopify/ProductVariant/808950810", "IPOD2008PINK", 10), ("gid://shopify/ProductVariant/49148385", "IPOD2008RED", 20),
             ("gid://shopify/ProductVariant/39072856", "IPOD2008GREEN", 30), ("gid://shopify/ProductVariant/457924702", "IPOD2008BLACK", 40)],
            product.Variants.Select(v => (v.PlatformId, v.Sku!, v.StockQuantity!.Value)).ToArray());
        Assert.All(product.Variants, v => Assert.Equal(new Money(199.00m, "USD"), v.Price));
        Assert.All(product.Variants, v => Assert.Null(v.SalePrice));
        Assert.All(product.Variants, v => Assert.Equal(StockStatus.InStock, v.StockStatus));
        Assert.Equal(new VariantAttribute("Color", "Pink"), Assert.Single(product.Variants[0].Attributes));
        Assert.Equal(product.Variants.Select(v => v.PlatformId), product.VariantPlatformIds);
    }
}
