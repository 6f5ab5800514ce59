using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.WooCommerce;

namespace Nexus.Tests.Platforms.Sandbox;

/// <summary>The WooCommerce list parameters the sandbox validates, answered as WordPress answers them.</summary>
public class WooListQueryTests
{
    // A store five hours behind UTC, so store-local and GMT readings of one date differ.
    private static readonly StoreSettings NewYork = new("USD", "US", TimeSpan.FromHours(-5), 0.0725m, "State Tax", "US-CA-STATE TAX-1");

    private static (WooError? Error, WooListQuery Query) Parse(string query, bool defaultDescending = true)
    {
        var error = WooListQuery.TryParse(new QueryCollection(QueryHelpers.ParseQuery(query)), NewYork, WooCollections.OrderSorts, defaultDescending, out var parsed);
        return (error, parsed);
    }

    [Theory]
    [InlineData("per_page=ten", "per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)")]
    [InlineData("page=two", "page", "page must be greater than or equal to 1")]
    [InlineData("offset=-1", "offset", "offset is not of type integer.")]
    [InlineData("offset=x", "offset", "offset is not of type integer.")]
    [InlineData("order=up", "order", "order is not one of asc and desc.")]
    [InlineData("order=ASC", "order", "order is not one of asc and desc.")]
    [InlineData("orderby=title", "orderby", "orderby is not one of date, id, modified.")]
    [InlineData("customer=ana", "customer", "customer is not of type integer.")]
    [InlineData("after=soon", "after", "Invalid date.")]
    [InlineData("before=2026-13-01T00:00:00", "before", "Invalid date.")]
    [InlineData("modified_before=never", "modified_before", "Invalid date.")]
    public void A_bad_parameter_is_rest_invalid_param_naming_it(string query, string param, string detail)
    {
        var (error, _) = Parse(query);
        Assert.NotNull(error);
        Assert.Equal(400, error.Status);
        Assert.Equal("rest_invalid_param", error.Code);
        Assert.Equal($"Invalid parameter(s): {param}", error.Message);
        Assert.Equal(detail, Assert.Single(error.Params!, p => p.Key == param).Value);
    }

    [Fact]
    public void Without_parameters_the_defaults_are_WordPress_ones()
    {
        var (error, q) = Parse("");
        Assert.Null(error);
        Assert.Equal((10, 1, 0, "date", true), (q.PerPage, q.Page, q.Skip, q.OrderBy, q.Descending));
        Assert.False(q.HasFilters);
        Assert.False(Parse("", defaultDescending: false).Query.Descending);
    }

    [Theory]
    [InlineData("page=3&per_page=20", 40)]
    [InlineData("page=3&per_page=20&offset=5", 5)] // an offset wins over the page
    [InlineData("offset=0&page=2", 10)]
    public void Skip_counts_from_page_or_offset(string query, int skip) => Assert.Equal(skip, Parse(query).Query.Skip);

    [Fact]
    public void Order_and_orderby_are_read()
    {
        var (_, asc) = Parse("orderby=modified&order=asc");
        Assert.Equal(("modified", false), (asc.OrderBy, asc.Descending));
        Assert.True(Parse("order=desc", defaultDescending: false).Query.Descending);
    }

    [Theory]
    [InlineData("after=2026-01-10T10:00:00", "2026-01-10T15:00:00Z")]                      // store-local by default
    [InlineData("after=2026-01-10T10:00:00&dates_are_gmt=true", "2026-01-10T10:00:00Z")]
    [InlineData("after=2026-01-10T10:00:00&dates_are_gmt=1", "2026-01-10T10:00:00Z")]
    [InlineData("after=2026-01-10T10:00:00&dates_are_gmt=false", "2026-01-10T15:00:00Z")]
    [InlineData("after=2026-01-10T10:00:00Z", "2026-01-10T10:00:00Z")]                     // an explicit zone wins
    [InlineData("after=2026-01-10T10:00:00%2B02:00", "2026-01-10T08:00:00Z")]
    [InlineData("after=2026-01-10T10:00:00-03:00&dates_are_gmt=1", "2026-01-10T13:00:00Z")]
    public void Dates_are_store_local_unless_gmt_or_zoned(string query, string expectedUtc)
    {
        var (error, q) = Parse(query);
        Assert.Null(error);
        var expected = DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(expected, q.AfterUtc);
        Assert.Equal(DateTimeKind.Utc, q.AfterUtc!.Value.Kind);
        Assert.True(q.HasFilters);
    }

    [Fact]
    public void Each_date_parameter_fills_its_own_window_edge_and_the_edges_are_exclusive()
    {
        var (_, q) = Parse("modified_after=2026-01-01T00:00:00Z&modified_before=2026-01-03T00:00:00Z&after=2025-12-01T00:00:00Z&before=2025-12-31T00:00:00Z");
        var jan1 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.False(q.InModifiedWindow(jan1));
        Assert.True(q.InModifiedWindow(jan1.AddTicks(1)));
        Assert.False(q.InModifiedWindow(jan1.AddDays(2)));
        Assert.True(q.InCreatedWindow(new DateTime(2025, 12, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.False(q.InCreatedWindow(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.False(q.InCreatedWindow(new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.False(q.InCreatedWindow(null)); // an order without a date is outside any created window…
        Assert.True(Parse("").Query.InCreatedWindow(null)); // …and inside the unfiltered list
    }

    [Fact]
    public void Status_any_is_no_filter_and_a_list_is_a_set()
    {
        Assert.Null(Parse("status=any").Query.Statuses);
        var (_, q) = Parse("status=processing,%20completed,,");
        Assert.Equal(new[] { "completed", "processing" }, q.Statuses!.Order());
        Assert.True(q.HasFilters);
    }

    [Fact]
    public void Customer_filters_by_id()
    {
        var (_, q) = Parse("customer=42");
        Assert.Equal(42, q.Customer);
        Assert.True(q.HasFilters);
        Assert.True(Parse("modified_before=2026-01-01T00:00:00Z").Query.HasFilters);
        Assert.True(Parse("before=2026-01-01T00:00:00Z").Query.HasFilters);
    }
}
