using Nexus.Core.Stores;

namespace Nexus.Tests.Stores;

public sealed class StoreAddressTests
{
    [Theory]
    [InlineData("shop.example.com", "https://shop.example.com")]
    [InlineData("  shop.example.com/ ", "https://shop.example.com")]
    [InlineData("shop.example.com/store/", "https://shop.example.com/store")]
    [InlineData("http://localhost:5000/sandbox/woocommerce/demo-woo/", "http://localhost:5000/sandbox/woocommerce/demo-woo")]
    [InlineData("HTTPS://Shop.Example.com", "https://shop.example.com")]
    public void Addresses_are_normalised_and_a_missing_scheme_means_https(string typed, string expected) =>
        Assert.Equal(expected, StoreValidation.ValidateUrl(typed).ToString().TrimEnd('/'));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("ftp://shop.example.com")]
    [InlineData("https://")]
    [InlineData("not a url")]
    public void What_is_not_a_web_address_is_refused_with_an_example(string? typed)
    {
        var error = Assert.Throws<ArgumentException>(() => StoreValidation.ValidateUrl(typed));
        Assert.Contains("https://shop.example.com", error.Message);
    }
}
