using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Nexus.Web.Sandbox.Hosting;

/// <summary>
/// Sandbox stores alone on a real Kestrel at 127.0.0.1 (a free port), apart from the app: what the sync benchmarks and
/// the connector tests talk HTTP to. Stores are added to its <see cref="SandboxStoreRegistry"/> after it starts.
/// </summary>
public static class SandboxLoopbackServer
{
    /// <param name="time">The sandbox stores' clock; null = the system clock.</param>
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default,
        Action<WebApplication>? beforeStores = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddSandbox(new ConfigurationBuilder().Build());
        var app = builder.Build();
        beforeStores?.Invoke(app); // e.g. a test's middleware that times every request
        app.MapSandboxStores();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
