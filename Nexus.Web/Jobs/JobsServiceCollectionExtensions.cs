using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using Nexus.Core.Storage;
using Nexus.Web.Accounts;

namespace Nexus.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on its own SQLite file in the data folder, with an in-process server of the configured size.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHangfire((sp, config) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var dataFolder = sp.GetRequiredService<IOptions<NexusStorageOptions>>().Value.ResolveDataFolder();
            Directory.CreateDirectory(dataFolder);
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseSQLiteStorage(Path.Combine(dataFolder, jobs.DatabaseFile), new SQLiteStorageOptions
                {
                    // A merchant who clicks "Sync now" should see it start within a second, not a poll cycle later.
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    InvisibilityTimeout = jobs.InvisibilityTimeout,
                });
        });

        var server = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (server.ServerEnabled)
        {
            services.AddHostedService<JobServerHostedService>();
        }
        return services;
    }

    public const string DashboardPath = "/hangfire";

    /// <summary>The ops dashboard at <c>/hangfire</c>: Ops role only (anonymous → sign-in, merchant → 403 "not allowed" page).</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new OpsDashboardAuthorizationFilter()],
            DashboardTitle = "Nexus jobs",
            AppPath = "/",
            DisplayNameFunc = JobDisplayNames.Format,
        }).RequireAuthorization(AccountsServiceCollectionExtensions.OpsPolicy);
        return endpoints;
    }
}
