using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Web.Analytics;

[Collection(HostCollection.Name)]
public sealed class SegmentExportEndpointsTests(NexusWebFactory app)
{
    [Fact]
    public async Task E_mail_tool_exports_are_the_owners_contacts_say_who_was_left_out_and_refuse_another_merchant()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (ownerEmail, otherEmail) = ($"contacts-owner-{suffix}@example.test", $"contacts-other-{suffix}@example.test");
        int storeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var (_, ownerUser) = await accounts.CreateAsync(ownerEmail, "Owner-Pass-1", "Owner", NexusRoles.Merchant);
            await accounts.CreateAsync(otherEmail, "Other-Pass-1", "Other", NexusRoles.Merchant);
            var db = scope.ServiceProvider.GetRequiredService<NexusDbContext>();
            var store = new ConnectedStore { TenantId = ownerUser!.TenantId, Name = "contacts", Platform = "woocommerce", BaseUrl = "http://127.0.0.1/contacts" };
            db.Stores.Add(store);
            await db.SaveChangesAsync();
            storeId = store.Id;
            var upserter = new RecordUpserter(scope.ServiceProvider.GetRequiredService<IDbContextFactory<NexusDbContext>>());
            await upserter.UpsertOrdersAsync(ownerUser.TenantId, storeId, MetricsTestData.Orders);
            await upserter.UpsertCustomersAsync(ownerUser.TenantId, storeId,
            [
                new Nexus.Core.Model.Customer { PlatformId = "c1", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" },
                new Nexus.Core.Model.Customer { PlatformId = "c5", FirstName = "Charles", LastName = "Babbage", Email = "c5@example.com" },
            ]);
        }
        var url = $"/api/analytics/rfm/contacts.csv?tool=mailchimp&store={storeId}&currency=EUR";

        using var anonymous = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        using var owner = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(owner, ownerEmail, "Owner-Pass-1");
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

        using var other = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(other, otherEmail, "Other-Pass-1");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/analytics/rfm/contacts.csv?tool=klaviyo&store=0&currency=EUR")).StatusCode);
    }
}
