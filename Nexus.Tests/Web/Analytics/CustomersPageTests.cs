using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Web.Components.Pages.Customers;

namespace Nexus.Tests.Web.Analytics;

public sealed class CustomersPageTests : AnalyticsPageContext
{
    [Fact]
    public async Task Segment_rows_open_their_customers_with_a_csv_link_for_that_segment()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        var page = Render<Customers>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=segment-table] tbody tr")), TimeSpan.FromSeconds(20));
        Assert.NotEmpty(page.FindAll("[data-testid=segment-treemap]"));
        var rows = page.FindAll("[data-testid=segment-table] tbody tr");
        // Four customers (c1, c5, c7, the guest), each in some segment: the table's counts add up to them.
        var counts = rows.Select(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, counts.Sum());

        rows[0].Click();
        var customers = page.WaitForElement("[data-testid=segment-customers]", TimeSpan.FromSeconds(5));
        var firstSegment = page.Find("[data-testid=segment-table] tbody tr td").GetAttribute("data-testid")!["segment-".Length..];
        Assert.Equal(counts[0], customers.QuerySelectorAll("tbody tr").Length);
        Assert.EndsWith($"&segment={firstSegment}", page.Find("[data-testid=segment-csv]").GetAttribute("href"));
        Assert.Contains($"store=0&currency=EUR", page.Find("[data-testid=segment-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_segments_cover_the_chosen_days_only_and_the_csv_link_keeps_them()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/customers?range=custom&from=2026-03-01&to=2026-03-31&customers=returning");
        var page = Render<Customers>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=segment-table] tbody tr")), TimeSpan.FromSeconds(20));
        var counts = page.FindAll("[data-testid=segment-table] tbody tr")
            .Select(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Customers with a March order who had bought before March: c1 only (c7 ordered in February only; the guest and c5 are new).
        Assert.Equal(1, counts.Sum());
        page.FindAll("[data-testid=segment-table] tbody tr")[0].Click();
        var href = page.WaitForElement("[data-testid=segment-csv]", TimeSpan.FromSeconds(5)).GetAttribute("href");
        Assert.Contains("range=custom&from=2026-03-01&to=2026-03-31", href);
        Assert.Contains("customers=returning", href);
    }

    [Fact]
    public async Task E_mail_tool_exports_say_how_many_customers_have_no_e_mail_before_the_download()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        var page = Render<Customers>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=export-all]")), TimeSpan.FromSeconds(20));
        // c1, c5 (accounts with an e-mail) and the guest ana@x.com; c7 ordered but the store sent no customer record, so no e-mail.
        Assert.Equal("3 contacts; 1 customer has no e-mail address and is left out.", page.Find("[data-testid=export-all] [data-testid=contact-count]").TextContent.Trim());
        var mailchimp = page.Find("[data-testid=export-all] [data-testid=mailchimp-csv]").GetAttribute("href")!;
        Assert.StartsWith("api/analytics/rfm/contacts.csv?tool=mailchimp&store=0&currency=EUR&", mailchimp);
        Assert.Contains("range=365d", mailchimp);
        Assert.DoesNotContain("segment=", mailchimp);

        page.FindAll("[data-testid=segment-table] tbody tr")[0].Click();
        var segment = page.Find("[data-testid=segment-table] tbody tr td").GetAttribute("data-testid")!["segment-".Length..];
        var klaviyo = page.WaitForElement("[data-testid=export-segment] [data-testid=klaviyo-csv]", TimeSpan.FromSeconds(5)).GetAttribute("href")!;
        Assert.StartsWith("api/analytics/rfm/contacts.csv?tool=klaviyo&store=0&currency=EUR&", klaviyo);
        Assert.EndsWith($"&segment={segment}", klaviyo);
    }
}
