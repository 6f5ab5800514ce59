using Nexus.Core.Platforms.Magento.Connector;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>
/// Every search the connector sends is sorted (unsorted paging can skip or repeat rows, magento2 issue 25001) and an
/// incremental one filters updated_at with gteq in Magento's zone-less UTC format.
/// </summary>
public class MagentoSearchQueryTests
{
    private static string Decoded(string query) => Uri.UnescapeDataString(query);

    [Fact]
    public void A_full_read_pages_by_entity_id_ascending()
    {
        Assert.Equal("searchCriteria[pageSize]=100&searchCriteria[currentPage]=3"
                     + "&searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=ASC",
            MagentoSearchQuery.Page(100, 3, null));
    }

    [Fact]
    public void An_incremental_read_filters_updated_at_gteq_in_utc_and_sorts_by_updated_at_then_entity_id()
    {
        var after = new DateTimeOffset(2026, 3, 1, 10, 30, 5, TimeSpan.FromHours(2)); // 08:30:05 UTC
        Assert.Equal("searchCriteria[pageSize]=50&searchCriteria[currentPage]=1"
                     + "&searchCriteria[filter_groups][0][filters][0][field]=updated_at&searchCriteria[filter_groups][0][filters][0][value]=2026-03-01 08:30:05"
                     + "&searchCriteria[filter_groups][0][filters][0][condition_type]=gteq"
                     + "&searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC"
                     + "&searchCriteria[sortOrders][1][field]=entity_id&searchCriteria[sortOrders][1][direction]=ASC",
            Decoded(MagentoSearchQuery.Page(50, 1, after)));
    }

    [Fact]
    public void Credit_memos_of_a_page_of_orders_are_one_sorted_order_id_in_search()
    {
        Assert.Equal("searchCriteria[pageSize]=100&searchCriteria[currentPage]=2"
                     + "&searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]=7,8,9"
                     + "&searchCriteria[filter_groups][0][filters][0][condition_type]=in"
                     + "&searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=ASC",
            Decoded(MagentoSearchQuery.OfOrders(["7", "8", "9"], 100, 2)));
    }
}
