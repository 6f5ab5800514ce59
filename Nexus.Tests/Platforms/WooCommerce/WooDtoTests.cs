using System.Text.Json;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Dto;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>The DTOs and their tolerant converters, read straight from payloads.</summary>
public class WooDtoTests
{
    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.Deserialize(json, type)!;

    [Fact]
    public void Documented_coupons_deserialise()
    {
        var coupons = JsonSerializer.Deserialize(Bytes("coupon-list.json"), WooJsonContext.Default.ListWooCouponDto)!;

        Assert.Equal([720L, 719L], coupons.Select(c => c.Id!.Value));
        var tenOff = coupons[1];
        Assert.Equal(("10off", 10.00m, "percent"), (tenOff.Code, tenOff.Amount, tenOff.DiscountType));
        Assert.Equal(100.00m, tenOff.MinimumAmount);
        Assert.True(tenOff.ExcludeSaleItems);
        Assert.Null(tenOff.UsageLimit);
        Assert.Null(tenOff.DateExpiresGmt);
        Assert.Equal(new DateTimeOffset(2017, 3, 21, 18, 23, 0, TimeSpan.Zero), tenOff.DateCreatedGmt);
        Assert.True(coupons[0].FreeShipping);

        var single = JsonSerializer.Deserialize(Bytes("coupon-single.json"), WooJsonContext.Default.WooCouponDto)!;
        Assert.Equal((719L, "10off", 10.00m, "percent", 100.00m), (single.Id, single.Code, single.Amount, single.DiscountType, single.MinimumAmount));
    }

    [Theory]
    [InlineData("error-404-rest-no-route.json", "rest_no_route", "No route was found matching the URL and request method")]
    [InlineData("error-404-term-invalid.json", "woocommerce_rest_term_invalid", "Resource doesn't exist.")]
    public void Documented_error_bodies_deserialise(string fixture, string code, string message)
    {
        var error = JsonSerializer.Deserialize(Bytes(fixture), WooJsonContext.Default.WooErrorDto)!;

        Assert.Equal((code, message, 404L), (error.Code, error.Message, error.Data!.Status));
    }

    [Theory]
    [InlineData("\"12.00\"", "12.00")]
    [InlineData("12", "12")]
    [InlineData("0.9", "0.9")]
    [InlineData("\"-9.00\"", "-9.00")]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Money_accepts_strings_numbers_blank_and_null(string sent, string? expected)
    {
        var line = Read($"{{\"total\": {sent}}}", WooJsonContext.Default.WooOrderRefundDto);

        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), line.Total);
    }

    [Theory]
    [InlineData("\"12,50\"")]
    [InlineData("\"1,234.50\"")]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    public void Money_that_is_not_an_invariant_number_names_value_and_rule(string sent)
    {
        var ex = Assert.Throws<FieldFormatException>(() => Read($"{{\"total\": {sent}}}", WooJsonContext.Default.WooOrderRefundDto));

        Assert.Equal(MappingRules.Decimal, ex.Rule);
        Assert.Equal("$.total", ex.Path);
        Assert.Equal(sent.Trim('"'), ex.Value);
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("\"42\"", 42L)]
    [InlineData("42.0", 42L)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    [InlineData("9007199254740993", 9007199254740993L)]
    public void Ids_accept_numbers_numeric_strings_and_blank(string sent, long? expected) =>
        Assert.Equal(expected, Read($"{{\"id\": {sent}}}", WooJsonContext.Default.WooOrderRefundDto).Id);

    [Fact]
    public void Fractional_id_is_an_integer_issue()
    {
        var ex = Assert.Throws<FieldFormatException>(() => Read("{\"id\": 4.5}", WooJsonContext.Default.WooOrderRefundDto));

        Assert.Equal((MappingRules.Integer, "4.5"), (ex.Rule, ex.Value));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"no\"", false)]
    [InlineData("0", false)]
    [InlineData("\"\"", null)]
    public void Flags_accept_wordpress_yes_no(string sent, bool? expected) =>
        Assert.Equal(expected, Read($"{{\"compound\": {sent}}}", WooJsonContext.Default.WooTaxLineDto).Compound);

    [Fact]
    public void Meta_data_values_of_any_json_type_are_kept_as_raw_json()
    {
        var order = Read("""
            {"meta_data": [
              {"id": 1, "key": "s", "value": "yes"},
              {"id": 2, "key": "n", "value": 17.5},
              {"id": 3, "key": "o", "value": {"a": [1, "x"], "b": null}},
              {"id": 4, "key": "a", "value": ["p", 2]},
              {"id": 5, "key": "b", "value": false},
              {"id": 6, "key": "z", "value": null},
              {"id": 7, "key": "e", "value": "quote \" here"}
            ]}
            """, WooJsonContext.Default.WooOrderDto);

        Assert.Equal(
            ["\"yes\"", "17.5", "{\"a\": [1, \"x\"], \"b\": null}", "[\"p\", 2]", "false", "null", "\"quote \\\" here\""],
            order.MetaData!.Select(m => m.Value));
    }

    [Fact]
    public void Text_fields_keep_numbers_as_written()
    {
        var line = Read("{\"sku\": 4006381333931, \"name\": \"Mug\"}", WooJsonContext.Default.WooLineItemDto);

        Assert.Equal("4006381333931", line.Sku);
    }

    [Fact]
    public void Undeclared_fields_are_captured_and_links_are_not()
    {
        var order = Read("""{"id": 1, "plugin_field": {"x": 1}, "_links": {"self": [{"href": "h"}]}}""", WooJsonContext.Default.WooOrderDto);

        Assert.Equal(["plugin_field"], order.ExtensionData!.Keys);
        Assert.Equal("{\"x\": 1}", order.ExtensionData["plugin_field"].GetRawText());
    }
}
