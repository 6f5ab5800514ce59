using System.Collections.Concurrent;

namespace Nexus.Core.Resilience;

/// <summary>
/// One <see cref="RequestBudget"/> per store for the whole process, so a sync, a connection test and a
/// retried fetch of the same store all draw from the same budget. The first caller's limit wins until
/// <see cref="Reset"/> (e.g. after the merchant changes the store's budget).
/// </summary>
public sealed class RequestBudgetRegistry(TimeProvider time)
{
    public const int DefaultRequestsPerMinute = 300;
    private readonly ConcurrentDictionary<string, RequestBudget> _budgets = new(StringComparer.Ordinal);

    public RequestBudget For(string platform, int storeId, int requestsPerMinute = DefaultRequestsPerMinute)
        => _budgets.GetOrAdd(Key(platform, storeId), _ => new RequestBudget(requestsPerMinute, time));

    public void Reset(string platform, int storeId) => _budgets.TryRemove(Key(platform, storeId), out _);

    private static string Key(string platform, int storeId) => $"{platform}:{storeId}";
}
