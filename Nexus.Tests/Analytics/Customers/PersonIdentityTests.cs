using Nexus.Core.Analytics.Customers;
using Nexus.Core.Model;
using static Nexus.Tests.Analytics.Metrics.MetricsTestData;

namespace Nexus.Tests.Analytics.Customers;

public sealed class PersonIdentityTests
{
    [Theory]
    [InlineData(" Ana@Example.COM ", "ana@example.com")]
    [InlineData("ana@example.com", "ana@example.com")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    [InlineData("n/a", null)]
    public void Emails_are_trimmed_and_lower_cased_and_empty_ones_are_nobody(string? email, string? expected) =>
        Assert.Equal(expected, PersonIdentity.Email(email));

    [Theory]
    [InlineData("+49 (30) 123-45", "+493012345")]
    [InlineData(" 030 / 123.45 ", "03012345")]
    [InlineData("0049 30 12345", "00493012345")]
    [InlineData("--", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Phones_keep_digits_and_a_leading_plus(string? phone, string? expected) =>
        Assert.Equal(expected, PersonIdentity.Phone(phone));

    [Fact]
    public void An_order_is_its_e_mail_else_its_phone_else_its_account_else_nobody()
    {
        var order = NewOrder("1", "c9", " Zoe@X.com", OrderStatus.Completed, 1m, Day(3, 1)) with { Billing = new Address { Phone = "+49 30 1" } };
        Assert.Equal("zoe@x.com", PersonIdentity.ForOrder(4, order));
        Assert.Equal("tel:+49301", PersonIdentity.ForOrder(4, order with { BillingEmail = null }));
        Assert.Equal("4/c9", PersonIdentity.ForOrder(4, order with { BillingEmail = null, Billing = null }));
        Assert.Null(PersonIdentity.ForOrder(4, order with { BillingEmail = null, Billing = null, CustomerPlatformId = null }));
    }

    [Fact]
    public void An_account_order_without_e_mail_takes_its_accounts_e_mail_before_its_own_phone()
    {
        Assert.Equal("zoe@x.com", PersonIdentity.WithAccount("tel:+49301", "zoe@x.com"));
        Assert.Equal("own@x.com", PersonIdentity.WithAccount("own@x.com", "zoe@x.com"));
        Assert.Equal("tel:+49301", PersonIdentity.WithAccount("tel:+49301", "4/c9"));
        Assert.Equal("tel:+1", PersonIdentity.WithAccount("4/c9", "tel:+1"));
        Assert.Equal("4/c9", PersonIdentity.WithAccount("4/c9", null));
        Assert.Equal((PersonKeyKind.Account, PersonKeyKind.Phone, PersonKeyKind.Email),
            (PersonIdentity.KindOf("4/c9"), PersonIdentity.KindOf("tel:+1"), PersonIdentity.KindOf("a/b@x.com")));
    }
}
