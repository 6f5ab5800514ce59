using System.Text.Json;
using Nexus.Core.Platforms.Magento.Connector;
using Nexus.Web.Sandbox.Magento;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Platforms.Magento;
using Nexus.Tests.Platforms.Sandbox;
using Nexus.Tests.Sync;
using Nexus.Web.Cli;

namespace Nexus.Tests.Cli;

/// <summary>
/// An operator adds a Magento store from the command line with the integration's four values and syncs it: against a
/// Magento sandbox store the test host serves over real HTTP, with the CLI's own data folder.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MagentoStoreVerbsTests(NexusWebFactory app) : IDisposable
{
    private readonly TempFolder _data = new();

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    [Fact]
    public async Task Stores_add_with_four_credentials_then_sync_brings_in_exactly_the_sandbox_store()
    {
        var sandbox = MagentoHostStores.Add(app, "cli");
        var added = await Cli(["stores", "add", "--platform", "magento", "--url", MagentoHostStores.Url(app, sandbox), .. MagentoHostStores.CliCredentials(),
            "--name", "Magento shop", "--requests-per-minute", "60000", "--json"]);
        Assert.True(added.ExitCode == 0, added.Error);
        foreach (var secret in new[] { MagentoSandboxClient.ConsumerSecret, MagentoSandboxClient.AccessToken, MagentoSandboxClient.AccessTokenSecret })
            Assert.DoesNotContain(secret, added.Out + added.Error);
        var id = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32();

        var test = await Cli("stores", "test", id.ToString());
        Assert.True(test.ExitCode == 0, test.Error + test.Out);
        Assert.StartsWith("OK:", test.Out);
        Assert.Contains(sandbox.Store.Settings.Currency, test.Out);

        var sync = await Cli("sync", "--store", id.ToString(), "--json");
        Assert.True(sync.ExitCode == 0, sync.Error + sync.Out);
        var summary = JsonDocument.Parse(sync.Out).RootElement;
        var entities = summary.GetProperty("entities");
        Assert.Equal(sandbox.Store.Current.OrderCount, entities.GetProperty("Orders").GetProperty("fetched").GetInt64());
        Assert.Equal(sandbox.Store.CustomerCount, entities.GetProperty("Customers").GetProperty("fetched").GetInt64());
        // Every product /V1/products lists, configurable children included (Magento lists them as products of their own).
        Assert.Equal(MagentoCatalog.For(sandbox.Store).Products.Count, entities.GetProperty("Products").GetProperty("fetched").GetInt64());
        Assert.Equal(summary.GetProperty("fetched").GetInt64(), summary.GetProperty("stored").GetInt64() + summary.GetProperty("quarantined").GetInt64());
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(KillAndResumeTests.DatabaseIn(_data.Path), sandbox, CliTenant.CliTenantId, id,
            MagentoHostStores.Expectation(sandbox));

        // Nothing changed in the store: an incremental sync inserts and updates nothing.
        var again = JsonDocument.Parse((await Cli("sync", "--store", id.ToString(), "--json")).Out).RootElement.GetProperty("entities");
        Assert.Equal(0, again.GetProperty("Orders").GetProperty("inserted").GetInt64() + again.GetProperty("Orders").GetProperty("updated").GetInt64());
        Assert.Equal(0, again.GetProperty("Customers").GetProperty("inserted").GetInt64() + again.GetProperty("Customers").GetProperty("updated").GetInt64());
    }

    [Fact]
    public async Task Stores_add_refuses_three_of_the_four_signing_values_and_names_the_missing_one()
    {
        var sandbox = MagentoHostStores.Add(app, "cli3");
        var threeOfFour = MagentoHostStores.CliCredentials().Chunk(2).Where(pair => !pair[1].StartsWith(MagentoCredentials.AccessTokenSecret + "=", StringComparison.Ordinal))
            .SelectMany(pair => pair).ToArray();
        var added = await Cli(["stores", "add", "--platform", "magento", "--url", MagentoHostStores.Url(app, sandbox), .. threeOfFour]);
        Assert.Equal(1, added.ExitCode);
        Assert.Contains(MagentoCredentials.AccessTokenSecret, added.Error);
        Assert.Empty(added.Out);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
