using System.Globalization;
using System.Text;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>What happens to a page when some of it, or all of it, is bad.</summary>
public class WooCommercePageMappingTests
{
    private static readonly string DocumentedOrder = Encoding.UTF8.GetString(Bytes("order-single.json"));
    private readonly WooCommerceOrderMapper _mapper = new(Options);

    private static string Order(int id, string? find = null, string? replace = null)
    {
        var json = DocumentedOrder.Replace("\"id\": 727,", $"\"id\": {id},");
        return find is null ? json : json.Replace(find, replace);
    }

    private static byte[] Page(params string[] elements) => Utf8("[" + string.Join(",", elements) + "]");

    [Fact]
    public void Bad_elements_are_quarantined_with_field_value_and_rule_while_siblings_map()
    {
        var commaDecimal = Order(2, "\"total\": \"29.35\"", "\"total\": \"29,35\"");
        var linesNotAList = Order(3, "\"line_items\": [", "\"line_items\": \"none\", \"renamed_items\": [");
        var badCurrency = Order(4, "\"currency\": \"USD\"", "\"currency\": \"dollars\"");
        var page = Page(Order(1), commaDecimal, linesNotAList, badCurrency, "null", Order(5));

        var mapped = _mapper.MapOrdersPage(page);

        Assert.Equal(["1", "5"], mapped.Mapped.Select(o => o.PlatformId));
        Assert.Equal(["2", "3", "4", null], mapped.Quarantined.Select(q => q.PlatformId));
        Assert.All(mapped.Quarantined, q => Assert.Equal("order", q.EntityType));

        var comma = Assert.Single(mapped.Quarantined[0].Issues);
        Assert.Equal(("$.total", "29,35", MappingRules.Decimal), (comma.Field, comma.Value, comma.Rule));
        Assert.Equal(commaDecimal.TrimEnd(), mapped.Quarantined[0].RawJson); // the element exactly, without the file's final newline

        var shape = Assert.Single(mapped.Quarantined[1].Issues);
        Assert.Equal(MappingRules.JsonShape, shape.Rule);
        Assert.StartsWith("$.line_items", shape.Field);

        var currency = Assert.Single(mapped.Quarantined[2].Issues);
        Assert.Equal(("currency", "dollars", MappingRules.CurrencyCode), (currency.Field, currency.Value, currency.Rule));

        Assert.Equal("null", mapped.Quarantined[3].RawJson);
    }

    [Fact]
    public void Clean_page_maps_the_same_on_the_single_pass_and_the_element_by_element_path()
    {
        var page = Bytes("handwritten/order-list-with-refunds.json");

        var fast = _mapper.MapOrdersPage(page);
        var precise = JsonArrayPageMapper.MapElementByElement(page, Nexus.Core.Platforms.WooCommerce.Dto.WooJsonContext.Default.WooOrderDto, _mapper.Map, "order");

        Assert.Equal(precise.Mapped.Count, fast.Mapped.Count);
        Assert.Equal(
            precise.Mapped.Select(o => (o.PlatformId, o.Total, o.CreatedAt, o.Lines.Count, o.Refunds.Count)),
            fast.Mapped.Select(o => (o.PlatformId, o.Total, o.CreatedAt, o.Lines.Count, o.Refunds.Count)));
    }

    [Fact]
    public void Every_issue_of_a_record_is_reported_not_just_the_first()
    {
        var noIdNoDate = Order(0, "\"date_created\": \"2017-03-22T16:28:02\"", "\"date_created\": \"\"")
            .Replace("\"date_created_gmt\": \"2017-03-22T19:28:02\"", "\"date_created_gmt\": null")
            .Replace("\"quantity\": 2,", "\"quantity\": \"\",");

        var quarantined = Assert.Single(_mapper.MapOrdersPage(Page(noIdNoDate)).Quarantined);

        Assert.Equal(
            [("id", MappingRules.PositiveId), ("date_created_gmt", MappingRules.Required), ("line_items[0].quantity", MappingRules.Required)],
            quarantined.Issues.Select(i => (i.Field, i.Rule)));
        Assert.Equal("0", quarantined.PlatformId);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("html")]
    [InlineData("object")]
    [InlineData("empty")]
    [InlineData("trailing")]
    public void Unreadable_page_throws_MalformedPageException(string kind)
    {
        var full = Page(Order(1), Order(2));
        byte[] page = kind switch
        {
            "truncated" => full[..(full.Length * 3 / 4)],
            "html" => Utf8("<html><body>502 Bad Gateway</body></html>"),
            "object" => Bytes("error-404-rest-no-route.json"),
            "empty" => [],
            _ => [.. full, .. Utf8("]")],
        };

        Assert.Throws<MalformedPageException>(() => _mapper.MapOrdersPage(page));
    }

    [Fact]
    public void Money_strings_are_parsed_with_the_invariant_culture_under_de_DE()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var order = Assert.Single(_mapper.MapOrdersPage(Page(Order(1, "\"total\": \"29.35\"", "\"total\": \"1234.50\""))).Mapped);

            Assert.Equal(new Money(1234.50m, "USD"), order.Total);
            Assert.Equal(new Money(1.35m, "USD"), order.TaxTotal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("\"2023-01-02T03:04:05\"", "2023-01-02T03:04:05Z")]
    [InlineData("\"2023-01-02T03:04:05.250\"", "2023-01-02T03:04:05.25Z")]
    [InlineData("\"2023-01-02T05:04:05+02:00\"", "2023-01-02T03:04:05Z")]
    [InlineData("\"2023-01-02T03:04:05Z\"", "2023-01-02T03:04:05Z")]
    [InlineData("\"2023-01-02 03:04:05\"", "2023-01-02T03:04:05Z")]
    public void Dates_without_a_zone_are_read_as_gmt_when_no_gmt_twin_exists(string sent, string expectedUtc)
    {
        var json = Order(1, "\"date_created\": \"2017-03-22T16:28:02\"", $"\"date_created\": {sent}")
            .Replace("\"date_created_gmt\": \"2017-03-22T19:28:02\",", "");

        var order = Assert.Single(_mapper.MapOrdersPage(Page(json)).Mapped);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, CultureInfo.InvariantCulture), order.CreatedAt);
        Assert.Equal(TimeSpan.Zero, order.CreatedAt.Offset);
    }

    [Fact]
    public void Unparseable_date_is_a_field_issue()
    {
        var json = Order(9, "\"date_paid_gmt\": \"2017-03-22T19:28:08\"", "\"date_paid_gmt\": \"yesterday\"");

        var issue = Assert.Single(Assert.Single(_mapper.MapOrdersPage(Page(json)).Quarantined).Issues);

        Assert.Equal(("$.date_paid_gmt", "yesterday", MappingRules.DateTime), (issue.Field, issue.Value, issue.Rule));
    }
}
