using Nexus.Web.Sandbox.Shopify;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

/// <summary>The date part of Shopify's search syntax a sync relies on, and the warnings for everything else.</summary>
public class ShopifySearchQueryTests
{
    private static readonly DateTime Jan1 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Jan2 = Jan1.AddDays(1);

    [Theory]
    [InlineData("created_at:>2026-01-01T00:00:00Z", false, true)]
    [InlineData("created_at:>=2026-01-01T00:00:00Z", true, true)]
    [InlineData("created_at:<2026-01-02T00:00:00Z", true, false)]
    [InlineData("created_at:<=2026-01-02T00:00:00Z", true, true)]
    [InlineData("created_at:2026-01-01T00:00:00Z", true, false)]          // bare ':' is equality
    [InlineData("created_at:'2026-01-01T00:00:00Z'", true, false)]        // single-quoted value
    [InlineData("created_at:\"2026-01-02T00:00:00Z\"", false, true)]      // double-quoted value
    [InlineData("created_at:2026-01-01", true, false)]                    // a date alone is midnight UTC
    [InlineData("created_at:>=2026-01-01T01:00:00+01:00", true, true)]    // an offset is honoured
    public void Created_at_conditions(string query, bool matchesJan1, bool matchesJan2)
    {
        var search = ShopifySearchQuery.Parse(query);
        Assert.Empty(search.Warnings);
        Assert.False(search.IsEmpty);
        Assert.Equal(matchesJan1, search.Matches(Jan1, Jan2));
        Assert.Equal(matchesJan2, search.Matches(Jan2, Jan1));
    }

    [Fact]
    public void Updated_at_looks_at_the_update_time_not_the_creation_time()
    {
        var search = ShopifySearchQuery.Parse("updated_at:>'2026-01-01T12:00:00Z'");
        Assert.True(search.Matches(createdUtc: Jan1, updatedUtc: Jan2));
        Assert.False(search.Matches(createdUtc: Jan2, updatedUtc: Jan1));
    }

    [Theory]
    [InlineData("created_at:>=2026-01-01T00:00:00Z AND created_at:<2026-01-02T00:00:00Z")]
    [InlineData("created_at:>=2026-01-01T00:00:00Z   created_at:<2026-01-02T00:00:00Z")]
    [InlineData("created_at:>='2026-01-01 00:00:00Z' AND created_at:<'2026-01-02 00:00:00Z'")] // a space inside quotes stays in the value
    public void Terms_joined_by_spaces_or_AND_must_all_hold(string query)
    {
        var search = ShopifySearchQuery.Parse(query);
        Assert.Empty(search.Warnings);
        Assert.True(search.Matches(Jan1.AddHours(5), Jan1));
        Assert.False(search.Matches(Jan2, Jan1));
        Assert.False(search.Matches(Jan1.AddTicks(-1), Jan1));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("AND")]
    public void No_terms_match_everything(string? query)
    {
        var search = ShopifySearchQuery.Parse(query);
        Assert.True(search.IsEmpty);
        Assert.Empty(search.Warnings);
        Assert.True(search.Matches(Jan1, Jan2));
    }

    [Theory]
    [InlineData("red", "Free-text search 'red' is not supported by the sandbox and was ignored.")]
    [InlineData(":red", "Free-text search ':red' is not supported by the sandbox and was ignored.")]
    [InlineData("financial_status:paid", "Invalid search field for this query: financial_status.")]
    [InlineData("updated_at:>=yesterday", "Invalid date for updated_at: yesterday.")]
    public void Anything_else_is_ignored_with_a_warning(string query, string warning)
    {
        var search = ShopifySearchQuery.Parse(query + " created_at:<2026-01-02T00:00:00Z");
        Assert.Equal([warning], search.Warnings);
        // The understood term still filters; the ignored one does not.
        Assert.True(search.Matches(Jan1, Jan1));
        Assert.False(search.Matches(Jan2, Jan1));
    }
}
