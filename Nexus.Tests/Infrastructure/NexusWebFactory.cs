using Microsoft.AspNetCore.Builder;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Nexus.Tests.Infrastructure;

/// <summary>
/// The real Nexus.Web app on a loopback Kestrel port with its own temporary data folder. Hangfire keeps static
/// state, so every host-level test shares this one instance through <see cref="HostCollection"/>.
/// </summary>
public sealed class NexusWebFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "nexus-tests", Guid.NewGuid().ToString("N"));

    public const string DemoPassword = "Demo-Nexus-2026";

    public NexusWebFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Nexus:DataFolder", DataFolder);
        builder.UseSetting("Nexus:Demo:Enabled", "true");
        builder.UseSetting("Nexus:Demo:Password", DemoPassword);
        builder.UseSetting("Nexus:Jobs:WorkerCount", "2");
        // Tests run the reachability probe and alert evaluation themselves, so a recurring run never races them.
        builder.UseSetting("Nexus:Monitoring:RecurringJobs", "false");
        // Real backoff (1 s doubling to a minute) would make failure tests slow; the policy is the same, only shorter.
        builder.UseSetting("Nexus:Connectors:Resilience:BaseDelay", "00:00:00.020");
        builder.UseSetting("Nexus:Connectors:Resilience:MaxDelay", "00:00:00.200");
        // The demo sandbox store, small and pinned in time so every run syncs the same data.
        builder.UseSetting("Nexus:Sandbox:Stores:0:Size", "Tiny");
        builder.UseSetting("Nexus:Sandbox:Stores:0:StartUtc", "2026-06-30T00:00:00Z");
        // A platform that exists only in the test project, registered like any other (see Platforms/FakeShop).
        builder.ConfigureServices(services => Nexus.Tests.Platforms.FakeShop.FakeShopPlatform.AddFakeShop(services));
        // Kestrel drains in-flight requests before anything else stops; the watchdog lists them if stopping drags.
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new InFlightRequestsFilter(_inFlight)));
    }

    /// <summary>The app's real loopback address, e.g. http://127.0.0.1:41234.</summary>
    public Uri ServerAddress
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    /// <summary>An HTTP client against the real port that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowserLikeClient() => CreateBrowserLikeClient(new CookieContainer());

    /// <summary>The same, sharing <paramref name="cookies"/> (e.g. with a SignalR client after signing in).</summary>
    public HttpClient CreateBrowserLikeClient(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = ServerAddress,
        };

    private int _disposing;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.AspNetCore.Http.HttpContext, DateTimeOffset> _inFlight = new();

    protected override void Dispose(bool disposing)
    {
        // The base class re-enters Dispose(true) from DisposeAsync; only the first call stops the host.
        if (disposing && Interlocked.Exchange(ref _disposing, 1) == 1) return;
        // Stopping waits for running jobs. If one ignores its cancellation, the watchdog names it in the output, which
        // is what tells such a failure apart from a slow machine.
        using (new Timer(_ => ReportWhatIsStillRunning(), null, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)))
            base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataFolder, recursive: true); }
            catch (IOException) { /* SQLite may still hold the WAL file briefly; the temp folder is cleaned by the OS. */ }
        }
    }

    private void ReportWhatIsStillRunning()
    {
        foreach (var (http, since) in _inFlight)
            Console.WriteLine($"  request in flight since {since:O}: {http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
        ReportRunningJobs();
    }

    private static void ReportRunningJobs()
    {
        try
        {
            var running = Hangfire.JobStorage.Current.GetMonitoringApi().ProcessingJobs(0, 50);
            Console.WriteLine($"The test host is still stopping; {running.Count} job(s) processing:");
            foreach (var (id, job) in running)
                Console.WriteLine($"  job {id}: {job.Job?.Type.Name}.{job.Job?.Method.Name}({string.Join(", ", job.Job?.Args ?? [])}) since {job.StartedAt:O} on {job.ServerId}");
        }
        catch (ObjectDisposedException)
        {
            Console.WriteLine("The test host is still stopping; its job storage is already disposed.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<NexusWebFactory>
{
    public const string Name = "Nexus host";
}

/// <summary>Notes every request the test host is serving, so a slow stop can name the ones it waits for.</summary>
internal sealed class InFlightRequestsFilter(System.Collections.Concurrent.ConcurrentDictionary<Microsoft.AspNetCore.Http.HttpContext, DateTimeOffset> inFlight) : IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (Microsoft.AspNetCore.Http.HttpContext http, Microsoft.AspNetCore.Http.RequestDelegate following) =>
        {
            inFlight[http] = DateTimeOffset.UtcNow;
            try { await following(http); }
            finally { inFlight.TryRemove(http, out _); }
        });
        next(app);
    };
}
