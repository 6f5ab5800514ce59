using Nexus.Core.Model;
using Nexus.Core.Platforms.WooCommerce;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

public class WooCommerceCustomerMapperTests
{
    private readonly WooCommerceCustomerMapper _mapper = new(Options);

    [Fact]
    public void Documented_customer_maps_identity_addresses_and_dates()
    {
        var page = _mapper.MapCustomersPage(AsPage("customer-single.json"));

        Assert.Empty(page.Quarantined);
        var customer = Assert.Single(page.Mapped);
        Assert.Equal("25", customer.PlatformId);
        Assert.Equal("https://example.com/wp-admin/user-edit.php?user_id=25", customer.SourceUrl);
        Assert.Equal("john.doe@example.com", customer.Email);
        Assert.Equal(("John", "Doe"), (customer.FirstName, customer.LastName));
        Assert.Equal("(555) 555-5555", customer.Phone);
        Assert.Equal("john.doe", customer.Username);
        Assert.False(customer.IsGuest);
        Assert.False(customer.IsPayingCustomer);
        Assert.Equal(Utc(2017, 3, 21, 19, 9, 28), customer.CreatedAt);
        Assert.Equal(Utc(2017, 3, 21, 19, 9, 30), customer.ModifiedAt);
        Assert.Equal(
            new Address { FirstName = "John", LastName = "Doe", Line1 = "969 Market", City = "San Francisco", Region = "CA", PostalCode = "94103", CountryCode = "US", Email = "john.doe@example.com", Phone = "(555) 555-5555" },
            customer.Billing);
        Assert.Equal("US", customer.Shipping!.CountryCode);
        Assert.Null(customer.Shipping.Phone);
        Assert.Equal("\"customer\"", customer.Extras["role"]);
        Assert.StartsWith("\"https://secure.gravatar.com/avatar/8eb1b522", customer.Extras["avatar_url"]);
    }

    [Fact]
    public void Documented_customer_list_maps_unicode_names_in_order()
    {
        var page = _mapper.MapCustomersPage(Bytes("customer-list.json"));

        Assert.Empty(page.Quarantined);
        Assert.Equal(["26", "25"], page.Mapped.Select(c => c.PlatformId));
        var joao = page.Mapped[0];
        Assert.Equal(("João", "Silva", "joao.silva@example.com"), (joao.FirstName, joao.LastName, joao.Email));
        Assert.Equal(("Av. Brasil, 432", "Rio de Janeiro", "RJ", "12345-000", "BR"), (joao.Billing!.Line1, joao.Billing.City, joao.Billing.Region, joao.Billing.PostalCode, joao.Billing.CountryCode));
        Assert.Equal(Utc(2017, 3, 21, 19, 11, 14), joao.CreatedAt);
    }

    [Fact]
    public void Guest_order_yields_a_guest_customer_keyed_by_email_and_account_orders_do_not()
    {
        var orders = new WooCommerceOrderMapper(Options).MapOrdersPage(Bytes("handwritten/order-list-with-refunds.json")).Mapped;

        var guest = WooCommerceCustomerMapper.MapGuest(orders[0])!;

        Assert.Equal("guest:jurgen@example.de", guest.PlatformId);
        Assert.True(guest.IsGuest);
        Assert.Equal(("Jürgen", "Groß", "jurgen@example.de"), (guest.FirstName, guest.LastName, guest.Email));
        Assert.Equal("München", guest.Billing!.City);
        Assert.Equal(Utc(2023, 11, 5, 9, 15, 0), guest.CreatedAt);
        Assert.Null(WooCommerceCustomerMapper.MapGuest(orders[1])); // customer_id 26 has an account
    }
}
