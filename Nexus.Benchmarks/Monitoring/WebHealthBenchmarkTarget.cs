using Nexus.Core.Monitoring.Health;
using Nexus.Web.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Nexus.Web;

namespace Nexus.Benchmarks.Monitoring;

/// <summary>
/// For <c>bench health</c>: the real web app (every feature, the in-process job server) on a loopback port with a
/// scratch data folder, demo and sandbox off and logging at warnings, so the benchmark measures what production serves.
/// </summary>
internal sealed class WebHealthBenchmarkTarget : IHealthBenchmarkTarget
{
    public async Task<(Uri BaseAddress, IAsyncDisposable App)> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nexus-bench-health", Guid.NewGuid().ToString("N"));
        var builder = NexusWebApp.CreateBuilder(
        [
            // Named as the app, so it finds the app's static-asset manifest (copied beside this binary) and serves
            // exactly what `dotnet Nexus.Web.dll` serves.
            "--applicationName", "Nexus.Web",
            "--environment", "Development", "--urls", "http://127.0.0.1:0",
            "--Nexus:DataFolder", folder, "--Nexus:Demo:Enabled", "false", "--Nexus:Sandbox:Enabled", "false",
            "--Nexus:Monitoring:RecurringJobs", "false", "--Logging:LogLevel:Default", "Warning",
        ]);
        builder.Logging.ClearProviders();
        var app = NexusWebApp.Build(builder);
        await app.InitializeAsync();
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.First());
        using var client = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 120; i++)
        {
            if ((await client.GetAsync("/health/ready", cancellationToken)).IsSuccessStatusCode) return (address, new Running(app, folder));
            await Task.Delay(500, cancellationToken);
        }
        await new Running(app, folder).DisposeAsync();
        throw new InvalidOperationException("The app never became ready (no job server heartbeat within a minute).");
    }

    private sealed class Running(WebApplication app, string folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        }
    }
}
