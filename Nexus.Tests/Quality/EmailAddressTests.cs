using Nexus.Core.Quality.Rules;

namespace Nexus.Tests.Quality;

/// <summary>The limits and characters the e-mail syntax check draws its line at, beyond the everyday cases in RuleTests.</summary>
public sealed class EmailAddressTests
{
    [Fact]
    public void Length_limits_are_the_ones_mail_systems_enforce()
    {
        var local64 = new string('a', 64);
        Assert.True(EmailAddress.IsValid(local64 + "@example.com"));
        Assert.False(EmailAddress.IsValid(local64 + "a@example.com")); // local part over 64

        var label63 = new string('b', 63);
        Assert.True(EmailAddress.IsValid($"ana@{label63}.com"));
        Assert.False(EmailAddress.IsValid($"ana@{label63}b.com")); // one label over 63

        // 254 characters in all is the most an address may have.
        var domain = string.Join('.', Enumerable.Repeat(new string('c', 60), 4)) + ".com";
        Assert.Equal(254, ("abcdef@" + domain).Length);
        Assert.True(EmailAddress.IsValid("abcdef@" + domain));
        Assert.False(EmailAddress.IsValid("abcdefg@" + domain));
    }

    [Fact]
    public void The_longest_domain_an_address_can_carry_is_252_characters()
    {
        // 254 in all minus one local character and the '@': RFC 5321's 253 for a domain alone never comes into play.
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 62), 4))[..^2] + ".io";
        Assert.Equal(252, domain.Length);
        Assert.True(EmailAddress.IsValid("a@" + domain));
        Assert.False(EmailAddress.IsValid("a@d" + domain));
    }

    [Theory]
    [InlineData("ana(x)@example.com")]
    [InlineData("ana,b@example.com")]
    [InlineData("ana;b@example.com")]
    [InlineData("ana:b@example.com")]
    [InlineData("<ana>@example.com")]
    [InlineData("ana[1]@example.com")]
    [InlineData("\"ana\"@example.com")]
    [InlineData("ana\\b@example.com")]
    [InlineData("ana\t@example.com")]
    [InlineData("ana.@example.com")]          // ends in a dot
    [InlineData("@example.com")]              // no local part
    [InlineData("ana@")]                      // no domain
    [InlineData("ana@example-.com")]          // label ends in a hyphen
    [InlineData("ana@exa_mple.com")]          // underscore is not a host name character
    [InlineData("ana@example..com")]          // empty label
    [InlineData("ana@example.c")]             // one-letter top-level domain
    [InlineData("ana@192.168.0.1")]           // numeric top-level domain
    public void Characters_and_shapes_mail_systems_refuse(string email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void No_address_is_invalid()
    {
        Assert.False(EmailAddress.IsValid(null));
        Assert.False(EmailAddress.IsValid(""));
    }

    [Theory]
    [InlineData("ana@example.com", "example.com")]
    [InlineData("ana@", "")]
    [InlineData("no-at-sign", null)]
    [InlineData(null, null)]
    public void Domain_is_what_follows_the_at_sign(string? email, string? domain) => Assert.Equal(domain, EmailAddress.Domain(email));

    [Fact]
    public void Disposable_and_misspelt_domains_are_flagged_by_their_rules_and_real_ones_are_not()
    {
        var context = RuleCases.Context();
        Assert.NotNull(new CustomerEmailNotDisposable().Check(RuleCases.GoodCustomer with { Email = "x@mailinator.com" }, context));
        Assert.Null(new CustomerEmailNotDisposable().Check(RuleCases.GoodCustomer with { Email = "x@gmail.com" }, context));
        Assert.Null(new CustomerEmailNotDisposable().Check(RuleCases.GoodCustomer with { Email = "x@@mailinator.com" }, context)); // invalid: another rule's finding
        Assert.NotNull(new CustomerEmailDomainTypo().Check(RuleCases.GoodCustomer with { Email = "x@gmial.com" }, context));
        Assert.Null(new CustomerEmailDomainTypo().Check(RuleCases.GoodCustomer with { Email = "x@gmail.com" }, context));
        Assert.Null(new CustomerEmailDomainTypo().Check(RuleCases.GoodCustomer with { Email = null }, context));
    }
}
