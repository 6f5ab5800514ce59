using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Quality;
using Nexus.Core.Storage;

namespace Nexus.Web.Quality;

/// <summary>Where a queued re-validation is: still running, finished with its summary, or failed with a reason a merchant can act on.</summary>
public sealed record RevalidationProgress(bool Finished, RevalidationSummary? Summary = null, string? Failure = null);

/// <summary>Starts a tenant's re-validation as a Hangfire job and reads back its state, checked against the tenant.</summary>
public sealed class RevalidationJobs(IDbContextFactory<NexusDbContext> dbFactory, IBackgroundJobClient jobs, JobStorage storage)
{
    public async Task<string> StartAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken))
            throw new KeyNotFoundException("That store does not exist or is not yours.");
        return jobs.Enqueue<RevalidateStoreJob>(job => job.RunAsync(storeId, CancellationToken.None));
    }

    public RevalidationProgress Check(string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        if (state is null || state.Name == DeletedState.StateName)
            return new(true, Failure: "Re-validation was cancelled before it finished. Run it again to see the current grade.");
        if (state.Name == FailedState.StateName)
            return new(true, Failure: "Re-validation stopped with an error. Try again; if it keeps failing, the Health page shows the job's details.");
        if (state.Name != SucceededState.StateName) return new(false);
        return new(true, state.Data.TryGetValue("Result", out var json) && json is not null
            ? SerializationHelper.Deserialize<RevalidationSummary>(json, SerializationOption.User)
            : null);
    }
}

public static class QualityWebServiceCollectionExtensions
{
    /// <summary>The re-validation job and the page's handle on it (the rules and revalidator come from Core's <c>AddQuality</c>).</summary>
    public static IServiceCollection AddQualityWeb(this IServiceCollection services)
    {
        services.AddTransient<RevalidateStoreJob>();
        services.AddScoped<RevalidationJobs>();
        return services;
    }
}
