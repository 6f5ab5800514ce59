using System.Collections.Concurrent;

namespace Nexus.Core.Resilience;

/// <summary>
/// One <see cref="RequestBudget"/> per store for the whole process, so a sync, a connection test and a
/// retried fetch of the same store all draw from the same budget. When the merchant changes the store's
/// limit, the next caller asking with the new limit gets a fresh budget.
/// </summary>
public sealed class RequestBudgetRegistry(TimeProvider time)
{
    public const int DefaultRequestsPerMinute = 300;
    private readonly ConcurrentDictionary<string, RequestBudget> _budgets = new(StringComparer.Ordinal);

    public RequestBudget For(string platform, int storeId, int requestsPerMinute = DefaultRequestsPerMinute)
        => _budgets.AddOrUpdate(Key(platform, storeId), _ => new RequestBudget(requestsPerMinute, time),
            (_, existing) => existing.RequestsPerMinute == requestsPerMinute ? existing : new RequestBudget(requestsPerMinute, time));

    private static string Key(string platform, int storeId) => $"{platform}:{storeId}";
}
