using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Nexus.Web.Sandbox.Magento;

namespace Nexus.Tests.Platforms.Sandbox;

/// <summary>
/// searchCriteria over a small known collection: each condition with MySQL's semantics (NULL matches no comparison,
/// case-insensitive text), sorts in the order given with entity_id breaking ties.
/// </summary>
public class MagentoCollectionSearchTests
{
    private sealed record Row(long Id, string? Name, DateTime? Created);

    private static readonly Row[] Rows =
    [
        new(1, "Ana", new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc)),
        new(2, "bob", new DateTime(2026, 1, 2, 8, 0, 0, DateTimeKind.Utc)),
        new(3, null, null),
        new(4, "Anabel", new DateTime(2026, 1, 2, 8, 0, 0, DateTimeKind.Utc)),
        new(5, "Carla Banana", new DateTime(2026, 1, 3, 8, 0, 0, DateTimeKind.Utc)),
    ];

    private static readonly MagentoCollection Collection = new(
        Enumerable.Range(0, Rows.Length).ToArray(),
        new Dictionary<string, MagentoFieldType> { ["entity_id"] = MagentoFieldType.Integer, ["name"] = MagentoFieldType.Text, ["created_at"] = MagentoFieldType.Date },
        (k, field) => field switch { "entity_id" => Rows[k].Id, "name" => Rows[k].Name, "created_at" => Rows[k].Created, _ => null },
        (_, _) => { });

    private static long[]? Ids(MagentoSearchCriteria criteria) => Collection.Search(criteria)?.Select(k => Rows[k].Id).ToArray();

    private static long[]? Filter(string field, string value, string condition) =>
        Ids(new MagentoSearchCriteria([[new MagentoFilter(field, value, condition)]], [], null, null));

    private static long[]? Sort(params (string Field, bool Descending)[] sorts) =>
        Ids(new MagentoSearchCriteria([], sorts.Select(s => new MagentoSortOrder(s.Field, s.Descending)).ToArray(), null, null));

    [Theory]
    [InlineData("eq", "4", new long[] { 4 })]
    [InlineData("neq", "4", new long[] { 1, 2, 3, 5 })]
    [InlineData("gt", "3", new long[] { 4, 5 })]
    [InlineData("gteq", "3", new long[] { 3, 4, 5 })]
    [InlineData("from", "3", new long[] { 3, 4, 5 })]
    [InlineData("lt", "3", new long[] { 1, 2 })]
    [InlineData("lteq", "3", new long[] { 1, 2, 3 })]
    [InlineData("to", "3", new long[] { 1, 2, 3 })]
    [InlineData("in", "2, 4,x,,9", new long[] { 2, 4 })]  // values that are not integers match nothing
    [InlineData("nin", "2,4", new long[] { 1, 3, 5 })]
    [InlineData("eq", "four", new long[0])]               // an unreadable value compares to nothing
    public void Integer_conditions(string condition, string value, long[] expected) => Assert.Equal(expected, Filter("entity_id", value, condition));

    [Theory]
    [InlineData("eq", "ANA", new long[] { 1 })]            // utf8 general collations ignore case
    [InlineData("neq", "ana", new long[] { 2, 4, 5 })]     // NULL is not "not Ana" either
    [InlineData("gt", "b", new long[] { 2, 5 })]
    [InlineData("in", "BOB,carla banana", new long[] { 2, 5 })]
    [InlineData("nin", "bob", new long[] { 1, 4, 5 })]     // NOT IN never matches NULL
    [InlineData("like", "ana%", new long[] { 1, 4 })]
    [InlineData("like", "%ana", new long[] { 1, 5 })]
    [InlineData("like", "%AN%", new long[] { 1, 4, 5 })]
    [InlineData("like", "c%ban%a", new long[] { 5 })]
    [InlineData("like", "%b%", new long[] { 2, 4, 5 })]
    [InlineData("like", "bob", new long[] { 2 })]          // no wildcard: the whole value, ignoring case
    [InlineData("like", "bo", new long[0])]
    [InlineData("like", "a%l", new long[] { 4 })]
    public void Text_conditions(string condition, string value, long[] expected) => Assert.Equal(expected, Filter("name", value, condition));

    [Theory]
    [InlineData("eq", "2026-01-02 08:00:00", new long[] { 2, 4 })]
    [InlineData("gteq", "2026-01-02 00:00:00", new long[] { 2, 4, 5 })]
    [InlineData("lt", "2026-01-02T08:00:00Z", new long[] { 1 })]
    [InlineData("neq", "2026-01-02 08:00:00", new long[] { 1, 5 })]
    [InlineData("gt", "not a date", new long[0])]
    public void Date_conditions(string condition, string value, long[] expected) => Assert.Equal(expected, Filter("created_at", value, condition));

    [Fact]
    public void Filters_in_a_group_are_ored_groups_anded_and_an_empty_group_matches_everything()
    {
        var criteria = new MagentoSearchCriteria(
        [
            [new MagentoFilter("name", "ana%", "like"), new MagentoFilter("entity_id", "5", "eq")],
            [new MagentoFilter("created_at", "2026-01-02 00:00:00", "gteq")],
            [],
        ], [], null, null);
        Assert.Equal([4, 5], Ids(criteria));
    }

    [Fact]
    public void A_filter_or_sort_on_a_field_the_collection_lacks_is_refused()
    {
        Assert.Null(Filter("colour", "red", "eq"));
        Assert.Null(Sort(("colour", false)));
    }

    [Fact]
    public void Sorts_put_nulls_first_ascending_last_descending_and_ties_fall_back_to_entity_id()
    {
        Assert.Equal([3, 1, 4, 2, 5], Sort(("name", false)));
        Assert.Equal([5, 2, 4, 1, 3], Sort(("name", true)));
        Assert.Equal([3, 1, 2, 4, 5], Sort(("created_at", false)));       // 2 and 4 tie: entity_id ascending
        Assert.Equal([5, 2, 4, 1, 3], Sort(("created_at", true)));
        Assert.Equal([5, 4, 2, 1, 3], Sort(("created_at", true), ("name", false))); // the second sort orders the tie
        Assert.Equal([5, 4, 3, 2, 1], Sort(("entity_id", true)));
        Assert.Equal([1, 2, 3, 4, 5], Sort(("entity_id", false)));
    }

    private static MagentoError? Parse(string query, out MagentoSearchCriteria criteria, out bool present) =>
        MagentoSearchCriteria.TryParse(new QueryCollection(QueryHelpers.ParseQuery(query)), out criteria, out present);

    [Fact]
    public void Criteria_read_snake_and_camel_case_keys_in_index_order()
    {
        var error = Parse(
            "searchCriteria[filterGroups][1][filters][0][field]=entity_id&searchCriteria[filterGroups][1][filters][0][value]=3&searchCriteria[filterGroups][1][filters][0][conditionType]=GTEQ" +
            "&searchCriteria[filter_groups][0][filters][1][field]=name&searchCriteria[filter_groups][0][filters][1][value]=bob" +
            "&searchCriteria[filter_groups][0][filters][0][field]=name&searchCriteria[filter_groups][0][filters][0][value]=Ana" +
            "&searchCriteria[sortOrders][1][field]=entity_id&searchCriteria[sortOrders][1][direction]=desc" +
            "&searchCriteria[sort_orders][0][field]=created_at" +
            "&searchCriteria[sortOrders][2][direction]=DESC" +             // a sort without a field is dropped
            "&searchCriteria[filter_groups][x][filters][0][field]=name" +  // an index that is not a number is not a filter
            "&searchCriteria[page_size]=2&searchCriteria[currentPage]=3&other=1",
            out var criteria, out var present);

        Assert.Null(error);
        Assert.True(present);
        Assert.Equal(2, criteria.FilterGroups.Count);
        Assert.Equal([new MagentoFilter("name", "Ana", "eq"), new MagentoFilter("name", "bob", "eq")], criteria.FilterGroups[0]);
        Assert.Equal([new MagentoFilter("entity_id", "3", "gteq")], criteria.FilterGroups[1]);
        Assert.Equal([new MagentoSortOrder("created_at", false), new MagentoSortOrder("entity_id", true)], criteria.SortOrders);
        Assert.Equal((2, 3), (criteria.PageSize, criteria.CurrentPage));
    }

    [Theory]
    [InlineData("searchCriteria[pageSize]=0", null, null)]        // no page size: everything
    [InlineData("searchCriteria[pageSize]=-5", null, null)]
    [InlineData("searchCriteria[currentPage]=0", null, 1)]        // pages start at 1
    [InlineData("searchCriteria[currentPage]=-2", null, 1)]
    public void Page_size_and_current_page_are_clamped_as_magento_does(string query, int? pageSize, int? currentPage)
    {
        Assert.Null(Parse(query, out var criteria, out _));
        Assert.Equal((pageSize, currentPage), (criteria.PageSize, criteria.CurrentPage));
    }

    [Fact]
    public void No_search_criteria_key_is_reported_as_absent()
    {
        Assert.Null(Parse("other=1&searchcriteria=2", out var criteria, out var present));
        Assert.False(present);
        Assert.Empty(criteria.FilterGroups);
    }

    [Theory]
    [InlineData("searchCriteria[currentPage]=two", 400, "The \"%value\" value's type is invalid. The \"%type\" type was expected. Verify and try again.")]
    [InlineData("searchCriteria[filter_groups][0][filters][0][value]=1", 400, "\"%fieldName\" is required. Enter and try again.")]
    [InlineData("searchCriteria[filter_groups][0][filters][0][field]=&searchCriteria[filter_groups][0][filters][0][value]=1", 400, "\"%fieldName\" is required. Enter and try again.")]
    public void Malformed_criteria_get_magentos_error(string query, int status, string message)
    {
        var error = Parse(query, out _, out _);
        Assert.NotNull(error);
        Assert.Equal((status, message), (error.Status, error.Message));
    }

    [Fact]
    public void An_unknown_condition_fails_as_deep_in_magentos_collection_with_a_report_id()
    {
        var error = Parse("searchCriteria[filter_groups][0][filters][0][field]=name&searchCriteria[filter_groups][0][filters][0][condition_type]=regexp", out _, out _);
        Assert.NotNull(error);
        Assert.Equal(500, error.Status);
        Assert.Matches("^Internal Error. Details are available in Magento log file. Report ID: webapi-[0-9a-f]{12}$", error.Message);
    }
}
