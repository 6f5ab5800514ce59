using Nexus.Core.Platforms.Magento;
using static Nexus.Tests.Platforms.Magento.MagentoFixtures;

namespace Nexus.Tests.Platforms.Magento;

public class MagentoErrorMessageTests
{
    [Fact]
    public void Documented_400_fills_the_positional_parameter()
        => Assert.Equal("Invalid product data: Invalid attribute set entity type", MagentoErrorMessage.TryRender(Bytes("error-400-invalid-product-data.json")));

    [Fact]
    public void Documented_429_renders_as_is() => Assert.Equal("Too Many Requests", MagentoErrorMessage.TryRender(Bytes("error-429-too-many-requests.json")));

    [Fact]
    public void Named_parameters_fill_the_acl_resource()
        => Assert.Equal("The consumer isn't authorized to access Magento_Sales::actions_view.",
            MagentoErrorMessage.TryRender("""{"message":"The consumer isn't authorized to access %resources.","parameters":{"resources":"Magento_Sales::actions_view"}}"""u8));

    [Fact]
    public void Several_positional_parameters_and_missing_ones()
        => Assert.Equal("No such entity with orderId = 42, %3 stays",
            MagentoErrorMessage.Render("No such entity with %1 = %2, %3 stays", Parse("""["orderId", 42]""")));

    [Fact]
    public void Input_exception_lists_its_errors()
        => Assert.Equal("One or more input exceptions have occurred. \"searchCriteria\" is required. Enter and try again.",
            MagentoErrorMessage.TryRender("""{"message":"One or more input exceptions have occurred.","errors":[{"message":"\"%fieldName\" is required. Enter and try again.","parameters":{"fieldName":"searchCriteria"}}]}"""u8));

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("{\"code\":\"rest_no_route\"}")]
    [InlineData("[]")]
    public void Bodies_that_are_not_magento_errors_render_as_null(string body)
        => Assert.Null(MagentoErrorMessage.TryRender(System.Text.Encoding.UTF8.GetBytes(body)));
}
