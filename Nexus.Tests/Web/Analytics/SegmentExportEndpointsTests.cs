using System.Net;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Web.Analytics;

[Collection(HostCollection.Name)]
public sealed class SegmentExportEndpointsTests(NexusWebFactory app)
{
    [Fact]
    public async Task E_mail_tool_exports_are_the_owners_contacts_say_who_was_left_out_and_refuse_another_merchant()
    {
        var tenants = await RfmExportAccounts.CreateAsync(app, "contacts",
        [
            new Nexus.Core.Model.Customer { PlatformId = "c1", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" },
            new Nexus.Core.Model.Customer { PlatformId = "c5", FirstName = "Charles", LastName = "Babbage", Email = "c5@example.com" },
        ]);
        var storeId = tenants.StoreId;
        var url = $"/api/analytics/rfm/contacts.csv?tool=mailchimp&store={storeId}&currency=EUR";

        using var anonymous = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        using var owner = await tenants.SignedInAsync(app, owner: true);
        var response = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"mailchimp-store-{storeId}.csv", response.Content.Headers.ContentDisposition!.FileName);
        // c7 has no customers row and so no e-mail: left out, and the response says so.
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-Nexus-Customers-Without-Email")));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("Email Address,First Name,Last Name,Tags", lines[0]);
        Assert.Equal(["ada@example.com", "c5@example.com", "ana@x.com"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("c5@example.com,Charles,Babbage,\"", lines[2]);

        var klaviyo = (await owner.GetStringAsync(url.Replace("tool=mailchimp", "tool=klaviyo", StringComparison.Ordinal) + "&range=custom&from=2026-02-01&to=2026-02-28")).TrimEnd('\n').Split('\n');
        Assert.Equal("Email,First Name,Last Name,RFM Segment,Value Band,Total Spend,Currency,Orders,Last Order Date", klaviyo[0]);
        // February: c1's €100 order only (c7 has no e-mail).
        Assert.Equal(["ada@example.com", "Ada", "Lovelace"], klaviyo[1].Split(',')[..3]);
        Assert.Equal(["100.00", "EUR", "1", "2026-02-10"], klaviyo[1].Split(',')[^4..]);
        Assert.Equal(2, klaviyo.Length);

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync(url.Replace("tool=mailchimp", "tool=sendgrid", StringComparison.Ordinal))).StatusCode);

        using var other = await tenants.SignedInAsync(app, owner: false);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/analytics/rfm/contacts.csv?tool=klaviyo&store=0&currency=EUR")).StatusCode);
    }
}
