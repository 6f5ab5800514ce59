using Nexus.Core.Currency;

namespace Nexus.Tests.Currency;

/// <summary>The reporting currency: the first store's by default, the merchant's choice once made, per account.</summary>
public sealed class ReportingCurrencyTests(FxDatabase fx) : IClassFixture<FxDatabase>
{
    private ReportingCurrencies Currencies => new(fx.Db);

    [Fact]
    public async Task The_default_is_the_first_stores_currency_even_when_a_later_store_sells_more()
    {
        var tenant = await fx.NewTenantAsync();
        var first = await fx.NewStoreAsync(tenant, "first");
        var second = await fx.NewStoreAsync(tenant, "second");
        await fx.AddOrderAsync(tenant, first, "GBP", 1_000, new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero));
        foreach (var day in Enumerable.Range(1, 3))
            await fx.AddOrderAsync(tenant, second, "USD", 1_000, new DateTimeOffset(2025, 3, day, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("GBP", await Currencies.GetAsync(tenant));
        Assert.False(await Currencies.IsChosenAsync(tenant));
        Assert.Equal(ReportingCurrencies.Fallback, await Currencies.GetAsync(await fx.NewTenantAsync())); // nothing synced yet
    }

    [Fact]
    public async Task A_choice_is_kept_for_that_account_only_and_can_go_back_to_the_default()
    {
        var (mine, theirs) = (await fx.NewTenantAsync(), await fx.NewTenantAsync());
        await fx.AddOrderAsync(mine, await fx.NewStoreAsync(mine, "m"), "GBP", 1_000, new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero));
        await fx.AddOrderAsync(theirs, await fx.NewStoreAsync(theirs, "t"), "GBP", 1_000, new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero));

        await Currencies.SetAsync(mine, " usd ");
        Assert.Equal(("USD", true), (await Currencies.GetAsync(mine), await Currencies.IsChosenAsync(mine)));
        Assert.Equal("GBP", await Currencies.GetAsync(theirs));

        await Currencies.SetAsync(mine, null);
        Assert.Equal(("GBP", false), (await Currencies.GetAsync(mine), await Currencies.IsChosenAsync(mine)));
    }

    [Theory]
    [InlineData("AED", "Nexus has no exchange rates for AED")]
    [InlineData("dollars", "'dollars' is not a currency code")]
    public async Task A_currency_without_rates_or_not_a_code_is_refused_in_plain_words(string typed, string expected)
    {
        var tenant = await fx.NewTenantAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Currencies.SetAsync(tenant, typed));
        Assert.Contains(expected, error.Message);
        Assert.False(await Currencies.IsChosenAsync(tenant));
    }
}
