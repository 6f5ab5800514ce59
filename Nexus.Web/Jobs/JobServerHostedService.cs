using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace Nexus.Web.Jobs;

/// <summary>
/// Runs the Hangfire job server with the app, as <c>AddHangfireServer</c> does, except for how it stops. Hangfire's
/// own hosted service awaits <c>WaitForShutdownAsync</c>, which was seen never to complete although every dispatcher
/// thread had already ended (a thread dump of the stuck test host showed no Hangfire thread left), so a stopping node
/// sat out the host's whole shutdown timeout and then failed. Here the server is signalled to stop (running jobs see
/// their cancellation at once) and disposed on a pool thread, which waits for the dispatchers synchronously, bounded
/// by <see cref="BackgroundJobServerOptions.ShutdownTimeout"/>.
/// </summary>
public sealed class JobServerHostedService(IServiceProvider services, IOptions<JobsOptions> jobs, IHostApplicationLifetime lifetime,
    ILogger<JobServerHostedService> logger) : IHostedService
{
    private BackgroundJobServer? _server;
    private TimeSpan _shutdownTimeout;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Started once the app is up, as Hangfire does (HangfireIO/Hangfire#2117): a job must not run before start-up
        // work such as migrations has finished.
        lifetime.ApplicationStarted.Register(Start);
        lifetime.ApplicationStopping.Register(() => _server?.SendStop());
        return Task.CompletedTask;
    }

    private void Start()
    {
        var options = new BackgroundJobServerOptions
        {
            WorkerCount = jobs.Value.WorkerCount,
            Queues = ["sync", "default"],
            Activator = services.GetService<JobActivator>(),
            FilterProvider = services.GetService<IJobFilterProvider>(),
            TimeZoneResolver = services.GetService<ITimeZoneResolver>(),
        };
        _shutdownTimeout = options.ShutdownTimeout;
        var storage = services.GetRequiredService<JobStorage>();
        var processes = services.GetServices<IBackgroundProcess>();
        _server = HangfireServiceCollectionExtensions.GetInternalServices(services, out var factory, out var stateChanger, out var performer)
            ? new BackgroundJobServer(options, storage, processes, options.FilterProvider ?? JobFilterProviders.Providers,
                options.Activator ?? JobActivator.Current, factory, performer, stateChanger)
            : new BackgroundJobServer(options, storage, processes);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is null) return;
        server.SendStop();
        logger.LogInformation("Stopping the job server");
        var stopped = Task.Run(server.Dispose, CancellationToken.None);
        if (cancellationToken.IsCancellationRequested)
        {
            // Services that stop earlier (Kestrel draining its requests) used up the host's whole shutdown timeout.
            // The server is stopped anyway, so its running jobs are handed back to the queue rather than abandoned;
            // Dispose is bounded by Hangfire's own ShutdownTimeout.
            logger.LogWarning("The host's shutdown timeout had passed before the job server's turn; stopping it anyway (at most {Seconds} s)",
                _shutdownTimeout.TotalSeconds);
            await stopped;
            return;
        }
        // Past the host's deadline while waiting this throws, as Hangfire's service does, so a server that cannot stop is reported.
        await stopped.WaitAsync(cancellationToken);
    }
}
