using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Web;

[Collection(HostCollection.Name)]
public sealed class AccessTests(NexusWebFactory app)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_visitor_opening_hangfire_is_sent_to_sign_in()
    {
        using var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Merchant_gets_403_on_hangfire_with_the_apps_not_allowed_page_and_a_way_back()
    {
        using var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "merchant@nexus.demo", NexusWebFactory.DemoPassword);
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("This page is for Nexus operations staff", page);
        Assert.Contains("Back to Overview", page);
        Assert.DoesNotContain("Nexus jobs", page);
    }

    [Fact]
    public async Task Ops_see_sync_jobs_by_store_name_and_kind()
    {
        using var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "ops@nexus.demo", NexusWebFactory.DemoPassword);
        // The demo store's hourly schedule is a recurring incremental sync.
        var page = await (await client.GetAsync("/hangfire/recurring")).Content.ReadAsStringAsync();
        Assert.Contains("Incremental sync · Demo store (demo-woo)", System.Net.WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("SyncStoreJob.RunAsync", page);
    }

    [Fact]
    public async Task Ops_opens_hangfire_dashboard()
    {
        using var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "ops@nexus.demo", NexusWebFactory.DemoPassword);
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nexus jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_in_merchant_lands_on_overview()
    {
        using var client = app.CreateBrowserLikeClient();
        var login = await SignIn.PostLoginAsync(client, "merchant@nexus.demo", NexusWebFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var home = await client.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // The Overview page (with KPIs or, before any sync, its empty state: other tests in this host may have synced the demo store).
        Assert.Contains("Revenue, orders and customers across your stores", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_password_explains_and_repeated_failures_lock_the_account()
    {
        var email = $"lock-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (result, _) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Correct-Pass-1", "Lock Test", NexusRoles.Merchant);
            Assert.True(result.Succeeded);
        }
        using var client = app.CreateBrowserLikeClient();

        var first = await SignIn.PostLoginAsync(client, email, "wrong-password");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("don&#x27;t match an account", await first.Content.ReadAsStringAsync());

        for (var i = 0; i < 4; i++) await SignIn.PostLoginAsync(client, email, "wrong-password");
        // Locked: even the right password is refused, with the same words an unknown address gets (no account enumeration).
        var afterLockout = await SignIn.PostLoginAsync(client, email, "Correct-Pass-1");
        Assert.Equal(HttpStatusCode.OK, afterLockout.StatusCode);
        Assert.Contains("locked for 15 minutes", await afterLockout.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Nexus.Auth", string.Join(";", afterLockout.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []));
    }

    [Fact]
    public async Task Stores_page_shows_only_the_signed_in_merchants_stores()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (mine, theirs) = ($"Mine-{suffix}", $"Theirs-{suffix}");
        var email = $"owner-{suffix}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var (_, owner) = await accounts.CreateAsync(email, "Owner-Pass-1", "Owner", NexusRoles.Merchant);
            var (_, other) = await accounts.CreateAsync($"other-{suffix}@example.test", "Other-Pass-1", "Other", NexusRoles.Merchant);
            var db = scope.ServiceProvider.GetRequiredService<NexusDbContext>();
            db.Stores.Add(new ConnectedStore { TenantId = owner!.TenantId, Name = mine, Platform = "woocommerce", BaseUrl = "http://127.0.0.1/a" });
            db.Stores.Add(new ConnectedStore { TenantId = other!.TenantId, Name = theirs, Platform = "woocommerce", BaseUrl = "http://127.0.0.1/b" });
            await db.SaveChangesAsync();
        }

        using var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, email, "Owner-Pass-1");
        var html = await client.GetStringAsync("/stores");
        Assert.Contains(mine, html);
        Assert.DoesNotContain(theirs, html);
    }

    [Fact]
    public async Task Registering_creates_a_signed_in_merchant_with_an_empty_store_list()
    {
        using var client = app.CreateBrowserLikeClient();
        var form = await client.GetStringAsync("/Account/Register");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var email = $"new-{Guid.NewGuid():N}@example.test";
        var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Name"] = "New Shop",
            ["Input.Email"] = email,
            ["Input.Password"] = "New-Shop-Pass1",
            ["Input.ConfirmPassword"] = "New-Shop-Pass1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stores = await client.GetAsync("/stores");
        Assert.Equal(HttpStatusCode.OK, stores.StatusCode);
        Assert.Contains("No stores yet", await stores.Content.ReadAsStringAsync());
    }
}
