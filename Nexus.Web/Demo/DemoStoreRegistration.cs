using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nexus.Core.Accounts;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Stores;

namespace Nexus.Web.Demo;

/// <summary>
/// In demo mode, gives the demo merchant the built-in sandbox stores, registered and ready for "Sync now". Runs once
/// the server listens, because the store's address is this app's own address (whatever port it got).
/// </summary>
public sealed class DemoStoreRegistration(
    IServer server,
    IHostApplicationLifetime lifetime,
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> demo,
    IOptions<SandboxOptions> sandbox,
    ILogger<DemoStoreRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (demo.Value.Enabled && sandbox.Value.Enabled)
        {
            lifetime.ApplicationStarted.Register(() => _ = RegisterAsync());
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The sandbox URL of a store on this server, e.g. http://localhost:5000/sandbox/woocommerce/demo-woo.</summary>
    public static string SandboxUrl(string serverAddress, SandboxStoreOptions store) =>
        $"{serverAddress.TrimEnd('/').Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost")}/sandbox/{store.Platform}/{store.Name}";

    private async Task RegisterAsync()
    {
        try
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                          ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null) return;
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NexusUser>>();
            var stores = scope.ServiceProvider.GetRequiredService<StoreService>();
            var management = scope.ServiceProvider.GetRequiredService<Nexus.Web.Stores.StoreManagement>();
            var merchant = await users.FindByEmailAsync(demo.Value.MerchantEmail);
            if (merchant is null) return;

            var emulators = scope.ServiceProvider.GetServices<ISandboxEmulator>().ToList();
            var existing = await stores.ListAsync(merchant.TenantId);
            foreach (var sandboxStore in sandbox.Value.Stores.Where(s => s.RegisterForDemo))
            {
                // A sandbox store of a platform Nexus has no connector for is served for curl and tests, but a
                // merchant could not sync it: do not put it on the Stores page.
                var emulator = emulators.FirstOrDefault(e => string.Equals(e.Platform, sandboxStore.Platform, StringComparison.OrdinalIgnoreCase));
                if (emulator is null || !management.Platforms.Any(p => string.Equals(p.Id, sandboxStore.Platform, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                var url = SandboxUrl(address, sandboxStore);
                var name = $"Demo store ({sandboxStore.Name})";
                var current = existing.FirstOrDefault(s => s.Name == name);
                if (current is null)
                {
                    await management.AddAsync(merchant.TenantId, new NewStore(name, sandboxStore.Platform, url,
                        emulator.Credentials(sandboxStore), demo.Value.SandboxRequestsPerMinute));
                    logger.LogInformation("Registered the sandbox store {Store} for the demo merchant at {Url}", sandboxStore.Name, url);
                }
                else if (current.BaseUrl != url)
                {
                    await stores.UpdateBaseUrlAsync(merchant.TenantId, current.Id, url);
                }
            }
        }
        catch (Exception ex)
        {
            // Demo convenience only: never take the app down over it, but say what happened.
            logger.LogError(ex, "Could not register the demo sandbox stores");
        }
    }
}
