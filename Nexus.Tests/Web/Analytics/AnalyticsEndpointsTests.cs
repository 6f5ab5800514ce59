using System.Net;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Web.Analytics;

[Collection(HostCollection.Name)]
public sealed class AnalyticsEndpointsTests(NexusWebFactory app)
{
    [Fact]
    public async Task Rfm_csv_exports_the_owners_customers_and_nobody_elses()
    {
        var tenants = await RfmExportAccounts.CreateAsync(app, "rfm",
        [
            new Nexus.Core.Model.Customer { PlatformId = "c1", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" },
            new Nexus.Core.Model.Customer { PlatformId = "c5", FirstName = "=HYPERLINK(\"x\")", Email = "c5@example.com" },
        ]);
        var storeId = tenants.StoreId;
        var url = $"/api/analytics/rfm/customers.csv?store={storeId}&currency=EUR";

        using var anonymous = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        using var owner = await tenants.SignedInAsync(app, owner: true);
        var response = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("customer_id,name,email,recency_days,frequency,monetary", lines[0]);
        // Highest spend first: c1 (100 + 40 + 30), c5 (80), the guest (20 + 40), c7 (10), each keyed by the e-mail of their orders (c7 has none: by its account).
        Assert.Equal(["c1@x.com", "c5@x.com", "ana@x.com", $"{tenants.StoreId}/c7"], lines.Skip(1).Select(l => l.Split(',')[0]));
        var c1 = lines[1].Split(',');
        Assert.Equal(("Ada Lovelace", "ada@example.com"), (c1[1], c1[2]));
        Assert.Equal(("5", "3", 170m, "EUR"), (c1[3], c1[4], decimal.Parse(c1[5], System.Globalization.CultureInfo.InvariantCulture), c1[6]));
        // A store's text is untrusted: a formula in a name is defused; a guest's e-mail comes from the order.
        Assert.StartsWith("c5@x.com,\"'=HYPERLINK(", lines[2]);
        Assert.Equal(["", "ana@x.com"], lines[3].Split(',')[1..3]);

        var oneSegment = await owner.GetStringAsync(url + "&segment=" + lines[1].Split(',')[^1]);
        Assert.Contains("c1@x.com,", oneSegment);

        // The Customers page's date range and filters narrow the export the same way: in March, only c1 had bought before.
        var returningInMarch = (await owner.GetStringAsync(url + "&range=custom&from=2026-03-01&to=2026-03-31&customers=returning")).TrimEnd('\n').Split('\n');
        Assert.Equal(["c1@x.com"], returningInMarch.Skip(1).Select(l => l.Split(',')[0]));

        using var other = await tenants.SignedInAsync(app, owner: false);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/analytics/rfm/customers.csv?store=0&currency=EUR")).StatusCode);
    }
}
