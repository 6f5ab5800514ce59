using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;
using static Nexus.Tests.Platforms.Magento.MagentoFixtures;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>The documented search results of other entities: the envelope, Magento's dates and addresses read the same way everywhere.</summary>
public class MagentoSearchEnvelopeTests
{
    [Theory]
    [InlineData("search-result-bulk-operations.json", 5, 5)]
    [InlineData("search-result-companies.json", 2, 2)]
    [InlineData("search-result-source-items.json", 2, 2)]
    [InlineData("order-search-fields-filtered.json", 3, null)]
    public void The_envelope_gives_items_and_total_count(string fixture, int items, int? total)
    {
        var page = JsonSerializer.Deserialize(Bytes(fixture), MagentoJsonContext.Default.MagentoSearchResultDtoMagentoOrderDto)!;

        Assert.Equal(items, page.Items!.Count);
        Assert.Equal(total, page.TotalCount); // a fields-trimmed search has no total_count: paging must then stop on a short page
    }

    [Fact]
    public void Records_of_another_entity_are_quarantined_not_stored_as_orders()
    {
        var company = Element("search-result-companies.json").GetProperty("items")[0];

        var result = new MagentoOrderMapper(Options).Map(company);

        Assert.False(result.IsSuccess);
        // Its numeric "status": 1 reads as a status word; the missing id, date and currency still stop it.
        Assert.Equal(["entity_id", "created_at", "order_currency_code"], result.Issues.Select(i => i.Field));
        Assert.Contains("\"company_name\": \"Test Company\"", result.RawJson);
    }

    [Fact]
    public void Bulk_operation_start_times_read_as_utc()
    {
        var options = new JsonSerializerOptions { Converters = { new MagentoDateTimeConverter() } };
        var times = Element("search-result-bulk-operations.json").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("extension_attributes").GetProperty("start_time").Deserialize<DateTimeOffset?>(options)).ToList();

        Assert.Equal([Utc(2018, 7, 11, 20, 7, 14), Utc(2018, 7, 11, 20, 7, 14), Utc(2018, 7, 11, 20, 7, 14), Utc(2018, 7, 11, 20, 7, 14), Utc(2018, 7, 11, 20, 58, 31)],
            times.Select(t => t!.Value));
        Assert.All(times, t => Assert.Equal(TimeSpan.Zero, t!.Value.Offset));
    }

    [Fact]
    public void Company_addresses_read_with_the_order_address_rules()
    {
        var company = Element("search-result-companies.json").GetProperty("items")[1].Deserialize(MagentoJsonContext.Default.MagentoOrderAddressDto)!;

        var address = MagentoMapping.Address(company);

        Assert.Equal(new Address { Line1 = "8383 Wilshire Blvd", Line2 = "Ste 1500", City = "Beverly Hills", Region = "California", PostalCode = "90211", CountryCode = "US", Phone = "(310) 555-0000" },
            address);
    }
}
