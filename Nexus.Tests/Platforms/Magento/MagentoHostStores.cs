using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.Magento.Connector;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Web.Sandbox.Magento;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Platforms.Sandbox;
using Nexus.Tests.Sync;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>
/// Magento sandbox stores served by the test host itself (as demo-magento is), for tests that use Nexus the way a
/// merchant or operator does: the wizard, the CLI, the sync engine. Each test gets a fresh store of its own.
/// </summary>
internal static class MagentoHostStores
{
    public static SandboxStoreHost Add(NexusWebFactory app, string prefix, Action<SandboxStoreOptions>? configure = null)
    {
        var options = MagentoSandboxClient.Store($"{prefix}-{Guid.NewGuid():N}"[..16]);
        configure?.Invoke(options);
        return app.Services.GetRequiredService<SandboxStoreRegistry>().Add(options);
    }

    public static string Url(NexusWebFactory app, SandboxStoreHost store) => new Uri(app.ServerAddress, $"/sandbox/magento/{store.Options.Name}").ToString();

    /// <summary>The integration's four values and the store view code, as <c>stores add</c> takes them.</summary>
    public static string[] CliCredentials() =>
    [
        "--credential", $"{MagentoCredentials.ConsumerKey}={MagentoSandboxClient.ConsumerKey}",
        "--credential", $"{MagentoCredentials.ConsumerSecret}={MagentoSandboxClient.ConsumerSecret}",
        "--credential", $"{MagentoCredentials.AccessToken}={MagentoSandboxClient.AccessToken}",
        "--credential", $"{MagentoCredentials.AccessTokenSecret}={MagentoSandboxClient.AccessTokenSecret}",
        "--credential", $"{MagentoCredentials.StoreCode}=default",
    ];

    /// <summary>
    /// What an order of this sandbox store must be stored as, worked out from the generated order and the store's
    /// Magento settings (the second currency of a share of orders, Magento's status words), not from the connector.
    /// </summary>
    public static Func<SandboxOrder, ExpectedOrder> Expectation(SandboxStoreHost store)
    {
        var context = WriteContext(store);
        return order =>
        {
            var currency = context.IsForeign(order.Id) ? context.Foreign.Currency : context.Settings.Currency;
            var status = MagentoOrderMapper.Status(MagentoOrderWriter.StateAndStatus(order.Status).Status).ToString();
            return new ExpectedOrder(currency, MinorUnits.ToMinor(order.Total, currency), status);
        };
    }

    public static MagentoWriteContext WriteContext(SandboxStoreHost store) =>
        new("unused", store.Store.Settings, store.Options.Seed, store.Options.Magento, MagentoCatalog.For(store.Store));
}
