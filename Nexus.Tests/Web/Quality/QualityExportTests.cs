using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;
using Nexus.Web.Quality;

namespace Nexus.Tests.Web.Quality;

[Collection(HostCollection.Name)]
public sealed class QualityExportTests(NexusWebFactory app)
{
    private const string Password = "Quality-Pass-123";

    private async Task<(string Email, Guid Tenant, int StoreId)> MerchantWithIssueAsync(string value)
    {
        var email = $"quality-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, Password, "Q", NexusRoles.Merchant);
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>()
            .AddAsync(user!.TenantId, new NewStore("Quality store", "woocommerce", "http://127.0.0.1:1", new StoreCredentials("ck_x", "cs_x")));
        await scope.ServiceProvider.GetRequiredService<QualityIssueWriter>().ReplaceAsync(user.TenantId, store.Id, null, Nexus.Core.Platforms.SyncEntity.Customers,
            [new RecordIssues("77", [new RecordIssue("customer.email-valid", QualitySeverity.Error, "email", value, $"'{value}' is not a valid e-mail address.", false)], false)],
            DateTimeOffset.UtcNow, CancellationToken.None);
        return (email, user.TenantId, store.Id);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, email, Password);
        return client;
    }

    [Fact]
    public async Task A_merchant_downloads_their_stores_failures_as_csv()
    {
        var (email, _, storeId) = await MerchantWithIssueAsync("=HYPERLINK(\"http://evil\")");
        using var client = await SignedInAsync(email);

        var response = await client.GetAsync(QualityEndpoints.FailuresCsvPath + $"?store={storeId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(QualityCsvExport.Header, lines[0].TrimEnd('\r'));
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{storeId},Customers,77,customer.email-valid,error,email,\"'=HYPERLINK(\"\"http://evil\"\")\"", row);
    }

    [Fact]
    public async Task Another_merchant_gets_404_for_the_store_and_none_of_its_rows_in_their_own_export()
    {
        var (_, _, theirStore) = await MerchantWithIssueAsync("theirs@@example.com");
        var (email, _, _) = await MerchantWithIssueAsync("mine@@example.com");
        using var client = await SignedInAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(QualityEndpoints.FailuresCsvPath + $"?store={theirStore}")).StatusCode);
        var all = await client.GetStringAsync(QualityEndpoints.FailuresCsvPath);
        Assert.Contains("mine@@example.com", all);
        Assert.DoesNotContain("theirs@@example.com", all);
    }

    [Fact]
    public async Task The_report_card_page_renders_in_the_real_app_with_its_services()
    {
        var (email, tenant, storeId) = await MerchantWithIssueAsync("page@@example.com");
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RecordUpserter>().UpsertCustomersAsync(tenant, storeId,
                [Nexus.Tests.Quality.RuleCases.GoodCustomer with { PlatformId = "77", Email = "page@@example.com" }]);
        using var client = await SignedInAsync(email);

        var response = await client.GetAsync($"/quality?store={storeId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Data quality", html);
        Assert.Contains("customer.email-valid", html);   // the stored issue, prerendered into the top failing rules
    }

    [Fact]
    public async Task Without_signing_in_there_is_no_csv()
    {
        var (_, _, storeId) = await MerchantWithIssueAsync("anon@@example.com");
        using var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync(QualityEndpoints.FailuresCsvPath + $"?store={storeId}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("anon@@example.com", await response.Content.ReadAsStringAsync());
    }
}
