using Nexus.Core.Model;

namespace Nexus.Tests.Model;

public class MoneyTests
{
    [Fact]
    public void Arithmetic_within_one_currency()
    {
        var a = new Money(10.25m, "EUR");
        var b = new Money(2.50m, "EUR");

        Assert.Equal(new Money(12.75m, "EUR"), a + b);
        Assert.Equal(new Money(7.75m, "EUR"), a - b);
        Assert.Equal(new Money(-10.25m, "EUR"), -a);
        Assert.Equal(new Money(30.75m, "EUR"), a * 3);
        Assert.Equal(new Money(10.25m, "EUR"), (-a).Abs());
    }

    [Fact]
    public void Mixing_currencies_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Money(1m, "EUR") + new Money(1m, "USD"));

        Assert.Contains("EUR", ex.Message);
        Assert.Contains("USD", ex.Message);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Currency_must_look_like_iso_4217(string code) =>
        Assert.Throws<ArgumentException>(() => new Money(1m, code));

    [Fact]
    public void Formats_with_invariant_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("1234.50 EUR", new Money(1234.50m, "EUR").ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
