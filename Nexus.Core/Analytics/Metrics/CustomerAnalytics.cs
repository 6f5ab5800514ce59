using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Lifetime;
using Nexus.Core.Analytics.Rfm;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>RFM segments (and the k-means alternative) of a scope's stored customers.</summary>
/// <param name="ClusteringError">Why k-means could not run (too few customers), else null.</param>
/// <param name="Names">Customer key → name and e-mail (empty when computed without the database, as in the CLI's file mode).</param>
public sealed record RfmResult(AnalyticsScope Scope, string DataVersion, int Transactions, RfmReport Report,
    RfmClusteringResult? Clustering, string? ClusteringError)
{
    public IReadOnlyDictionary<string, CustomerName> Names { get; init; } = new Dictionary<string, CustomerName>();

    public string CustomerDisplay(string key) => CustomerDirectory.Display(Names, key);
}

/// <summary>BG/NBD or MBG/NBD + Gamma-Gamma lifetime value of a scope's stored customers, or why it could not be fitted.</summary>
/// <param name="Transactions">Orders the models saw (one per revenue order).</param>
public sealed record LifetimeResult(AnalyticsScope Scope, string DataVersion, int Transactions, LifetimeValueReport? Report, string? Error)
{
    public IReadOnlyDictionary<string, CustomerName> Names { get; init; } = new Dictionary<string, CustomerName>();

    /// <summary>Orders per customer key. The models count purchase <em>days</em> (two orders on one day are one purchase).</summary>
    public IReadOnlyDictionary<string, int> OrdersByCustomer { get; init; } = new Dictionary<string, int>();

    public string CustomerDisplay(string key) => CustomerDirectory.Display(Names, key);
}

/// <summary>
/// Runs RFM and CLV on stored orders (via <see cref="StoreTransactions"/>) off the caller's thread and caches each
/// result per scope and data version (last sync run id + order count), so a page re-opened after nothing changed
/// shows at once and a finished sync makes the next request recompute. One entry per scope and kind is kept.
/// </summary>
public sealed class CustomerAnalytics(IDbContextFactory<NexusDbContext> factory, StoreTransactions transactions, CustomerDirectory directory)
{
    private readonly ConcurrentDictionary<(string Kind, AnalyticsScope Scope), (string Version, Lazy<Task<object>> Result)> _cache = new();

    /// <summary>RFM as of the last day with an order (not today: re-opening the page gives the same answer).</summary>
    public Task<RfmResult> RfmAsync(AnalyticsScope scope, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        CachedAsync("rfm", scope, async version =>
        {
            progress?.Report("Reading orders…");
            var data = await transactions.LoadAsync(scope, cancellationToken);
            progress?.Report($"Scoring {data.Count:N0} orders…");
            return Rfm(scope, version, data) with { Names = await directory.ForScopeAsync(scope, cancellationToken) };
        });

    /// <summary>CLV with weeks as the time unit, calibrated up to the last day with an order, 12-month horizon, 1 %/month discount.</summary>
    public Task<LifetimeResult> LifetimeAsync(AnalyticsScope scope, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        CachedAsync("clv", scope, async version =>
        {
            progress?.Report("Reading orders…");
            var data = await transactions.LoadAsync(scope, cancellationToken);
            progress?.Report($"Fitting BG/NBD, MBG/NBD and Gamma-Gamma on {data.Count:N0} orders, and testing them on a holdout period…");
            return Lifetime(scope, version, data) with { Names = await directory.ForScopeAsync(scope, cancellationToken) };
        });

    /// <summary>RFM + clustering on already loaded transactions (the CLI uses this too).</summary>
    public static RfmResult Rfm(AnalyticsScope scope, string version, IReadOnlyList<Transaction> data)
    {
        if (data.Count == 0) throw new InsufficientDataException("the store has no revenue orders with a customer yet");
        var report = RfmAnalysis.Run(data, data.Max(t => t.Day));
        try
        {
            return new RfmResult(scope, version, data.Count, report, RfmClustering.Cluster(report.Customers), null);
        }
        catch (InsufficientDataException e)
        {
            return new RfmResult(scope, version, data.Count, report, null, e.Message);
        }
    }

    /// <summary>CLV on already loaded transactions; a data set the models cannot use gives the reason instead of a report.</summary>
    public static LifetimeResult Lifetime(AnalyticsScope scope, string version, IReadOnlyList<Transaction> data)
    {
        if (data.Count == 0) return new LifetimeResult(scope, version, 0, null, "the store has no revenue orders with a customer yet");
        try
        {
            return new LifetimeResult(scope, version, data.Count, LifetimeValueAnalysis.Run(data, new LifetimeValueOptions(data.Max(t => t.Day))), null)
            {
                OrdersByCustomer = data.GroupBy(t => t.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            };
        }
        catch (InsufficientDataException e)
        {
            return new LifetimeResult(scope, version, data.Count, null, e.Message);
        }
    }

    /// <summary>What changes when the data does: the newest sync run of the scope's stores and their order count.</summary>
    public async Task<string> DataVersionAsync(AnalyticsScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var storeIds = await ScopedOrders.StoreIdsAsync(db, scope, cancellationToken);
        var lastRun = await db.SyncRuns.AsNoTracking().Where(r => storeIds.Contains(r.StoreId)).MaxAsync(r => (long?)r.Id, cancellationToken);
        var orders = await db.Orders.AsNoTracking().CountAsync(o => storeIds.Contains(o.StoreId), cancellationToken);
        return $"{lastRun ?? 0}:{orders}";
    }

    private async Task<T> CachedAsync<T>(string kind, AnalyticsScope scope, Func<string, Task<T>> compute) where T : class
    {
        var version = await DataVersionAsync(scope);
        var key = (kind, scope);
        var entry = _cache.AddOrUpdate(key,
            _ => (version, NewLazy(version)),
            (_, existing) => existing.Version == version && !existing.Result.Value.IsFaulted && !existing.Result.Value.IsCanceled ? existing : (version, NewLazy(version)));
        return (T)await entry.Result.Value;

        // Task.Run: the fits are CPU-bound for seconds; a Blazor circuit must keep rendering (progress) meanwhile.
        Lazy<Task<object>> NewLazy(string v) => new(() => Task.Run(async () => (object)await compute(v)));
    }
}
