using Nexus.Core.Platforms.Shopify.Connector;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary>
/// The store verbs as an operator uses them: against the test host's built-in sandbox store over real HTTP, with the
/// CLI's own data folder (set through the environment, as in production).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StoreVerbsTests(NexusWebFactory app) : IDisposable
{
    private readonly TempFolder _data = new();

    private string SandboxUrl => new Uri(app.ServerAddress, "/sandbox/woocommerce/demo-woo").ToString();

    private SandboxStoreOptions Sandbox => app.Services.GetRequiredService<SandboxStoreRegistry>().Find("woocommerce", "demo-woo")!.Options;

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    private async Task<int> AddStoreAsync(string key, string secret, params string[] extra)
    {
        var added = await Cli(["stores", "add", "--platform", "woocommerce", "--url", SandboxUrl, "--key", key, "--secret", secret,
            "--name", "Sandbox", "--requests-per-minute", "6000", "--json", .. extra]);
        Assert.True(added.ExitCode == 0, added.Error);
        return JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Add_sync_and_export_a_store_end_to_end_with_every_record_accounted_for()
    {
        var id = await AddStoreAsync(Sandbox.ConsumerKey, Sandbox.ConsumerSecret);

        var list = await Cli("stores", "list", "--json");
        var listed = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Single();
        Assert.Equal(id, listed.GetProperty("id").GetInt32());
        Assert.DoesNotContain(Sandbox.ConsumerSecret, list.Out);

        var test = await Cli("stores", "test", id.ToString());
        Assert.Equal(0, test.ExitCode);
        Assert.StartsWith("OK:", test.Out);

        var sync = await Cli("sync", "--store", id.ToString(), "--full", "--json");
        Assert.True(sync.ExitCode == 0, sync.Error + sync.Out);
        var summary = JsonDocument.Parse(sync.Out).RootElement;
        var host = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("woocommerce", "demo-woo")!;
        var orders = summary.GetProperty("entities").GetProperty("Orders");
        Assert.Equal(host.Store.Current.OrderCount, orders.GetProperty("fetched").GetInt64());
        Assert.Equal(host.Store.CustomerCount, summary.GetProperty("entities").GetProperty("Customers").GetProperty("fetched").GetInt64());
        Assert.Equal(summary.GetProperty("fetched").GetInt64(), summary.GetProperty("stored").GetInt64() + summary.GetProperty("quarantined").GetInt64());
        Assert.True(summary.GetProperty("requests").GetInt32() > 0);
        Assert.Contains("Orders", sync.Error); // progress went to stderr

        var export = await Cli("export", "--store", id.ToString(), "--entity", "orders", "--format", "json");
        var exported = JsonDocument.Parse(export.Out).RootElement;
        Assert.Equal(orders.GetProperty("inserted").GetInt64(), exported.GetArrayLength());
        var csv = await Cli("export", "--store", id.ToString(), "--entity", "customers", "--format", "csv");
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,email,", lines[0]);
        Assert.Equal(host.Store.CustomerCount + 1, lines.Length);

        // A second, incremental sync finds nothing new and says so.
        var again = JsonDocument.Parse((await Cli("sync", "--store", id.ToString(), "--json")).Out).RootElement;
        Assert.Equal(0, again.GetProperty("entities").GetProperty("Orders").GetProperty("inserted").GetInt64());
        Assert.Equal(0, again.GetProperty("entities").GetProperty("Customers").GetProperty("updated").GetInt64());
    }

    [Fact]
    public async Task A_shopify_store_is_added_with_only_its_access_token_and_tests_ok()
    {
        var shop = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("shopify", "demo-shop")!.Options;
        var url = new Uri(app.ServerAddress, "/sandbox/shopify/demo-shop").ToString();
        // A wrong token first: once the shop is connected, adding it again is refused as a duplicate before any test.
        var wrong = await Cli("stores", "add", "--platform", "shopify", "--url", url, "--credential", "access_token=shpat_wrong");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("Wrong or revoked token", wrong.Error);
        Assert.DoesNotContain("shpat_wrong", wrong.Error);

        var added = await Cli("stores", "add", "--platform", "shopify", "--url", url, "--credential", "access_token=" + shop.Shopify.AccessToken, "--name", "Shop", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.DoesNotContain(shop.Shopify.AccessToken, added.Out + added.Error);
        var id = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32();

        var test = await Cli("stores", "test", id.ToString());
        Assert.Equal(0, test.ExitCode);
        Assert.StartsWith("OK:", test.Out);
        Assert.Equal($"OK: Demo Shop (USD, {ShopifyConnectorOptions.DefaultApiVersion})", test.Out.Trim());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_at_add_time_with_the_reason_and_the_fix()
    {
        var added = await Cli("stores", "add", "--platform", "woocommerce", "--url", SandboxUrl, "--key", "ck_wrong", "--secret", "cs_wrong");
        Assert.Equal(1, added.ExitCode);
        Assert.Contains("error:", added.Error);
        Assert.Contains("--no-test", added.Error);
        Assert.Empty(added.Out);
        Assert.DoesNotContain("cs_wrong", added.Error);
    }

    [Fact]
    public async Task Syncing_a_store_saved_with_a_wrong_key_fails_with_exit_1_and_says_what_to_do()
    {
        var id = await AddStoreAsync("ck_wrong", "cs_wrong", "--no-test");
        var sync = await Cli("sync", "--store", id.ToString(), "--json");
        Assert.Equal(1, sync.ExitCode);
        var summary = JsonDocument.Parse(sync.Out).RootElement;
        Assert.Equal("Failed", summary.GetProperty("status").GetString());
        Assert.Equal(1, summary.GetProperty("requests").GetInt32()); // fails fast: no retries on a wrong key
    }

    [Fact]
    public async Task Unknown_owners_and_stores_are_refused_with_what_to_do()
    {
        var id = await AddStoreAsync(Sandbox.ConsumerKey, Sandbox.ConsumerSecret);
        var unknownOwner = await Cli("sync", "--store", id.ToString(), "--owner", "nobody@example.test");
        Assert.Equal(1, unknownOwner.ExitCode);
        Assert.Contains("no account 'nobody@example.test'", unknownOwner.Error);

        var unknownStore = await Cli("export", "--store", (id + 1000).ToString(), "--entity", "orders");
        Assert.Equal(1, unknownStore.ExitCode);
        Assert.Contains("stores list", unknownStore.Error);
        Assert.Empty(unknownStore.Out);
    }

    [Fact]
    public async Task A_store_the_cli_account_does_not_have_points_to_owner()
    {
        // A store added in the web app belongs to its merchant; without --owner the CLI looks in the 'cli' account.
        foreach (var args in new[] { new[] { "sync", "--store", "987654" }, ["export", "--store", "987654", "--entity", "orders"], ["stores", "test", "987654"] })
        {
            var result = await Cli(args);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("--owner", result.Error);
        }
        var list = await Cli("stores", "list");
        Assert.Contains("--owner", list.Out);
    }

    [Fact]
    public async Task An_address_without_a_scheme_is_taken_as_https()
    {
        var added = await Cli("stores", "add", "--platform", "woocommerce", "--url", "shop.example.test/", "--key", "ck_a", "--secret", "cs_a", "--no-test", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal("https://shop.example.test", JsonDocument.Parse(added.Out).RootElement.GetProperty("baseUrl").GetString());
    }

    [Fact]
    public async Task Adding_a_shop_the_account_already_has_is_refused_before_any_connection_test()
    {
        var first = await Cli("stores", "add", "--platform", "woocommerce", "--url", "https://twice.example.test", "--key", "ck_a", "--secret", "cs_a", "--name", "Twice", "--no-test", "--json");
        Assert.True(first.ExitCode == 0, first.Error);

        // Written differently and without --no-test: refused before the (unreachable) test would run.
        var again = await Cli("stores", "add", "--platform", "woocommerce", "--url", "WWW.twice.example.test/", "--key", "ck_b", "--secret", "cs_b");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("error: This store is already connected as \"Twice\"", again.Error);
        Assert.Empty(again.Out);
        Assert.Single(JsonDocument.Parse((await Cli("stores", "list", "--json")).Out).RootElement.EnumerateArray());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_verbs_instead_of_starting_the_server(string word)
    {
        Assert.True(Nexus.Web.Cli.NexusCli.IsVerb([word]));
        var result = await Cli(word);
        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "validate-deployment", "stores", "sync", "export", "analyze", "quality", "bench" })
            Assert.Contains(verb, result.Out);
    }

    [Fact]
    public void Host_options_still_start_the_server()
    {
        Assert.False(Nexus.Web.Cli.NexusCli.IsVerb(["--urls", "http://localhost:5005"]));
        Assert.False(Nexus.Web.Cli.NexusCli.IsVerb([]));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
