using System.Collections.Concurrent;

namespace Nexus.Core.Resilience;

/// <summary>
/// One <see cref="RequestBudget"/> per store for the whole process, so a sync, a connection test and a retried fetch
/// of the same store all draw from the same budget. With the Nexus database registered (<see cref="SharedRequestBudgetLedger"/>)
/// a saved store's budget is also shared with every other process using that database; an unsaved store (id 0, a
/// wizard's test) has a budget of its own. When the merchant changes the store's limit, the next caller asking with
/// the new limit gets a fresh budget.
/// </summary>
public sealed class RequestBudgetRegistry(TimeProvider time, SharedRequestBudgetLedger? shared = null)
{
    public const int DefaultRequestsPerMinute = 300;
    private readonly ConcurrentDictionary<string, RequestBudget> _budgets = new(StringComparer.Ordinal);

    public RequestBudget For(string platform, int storeId, int requestsPerMinute = DefaultRequestsPerMinute)
        => _budgets.AddOrUpdate(Key(platform, storeId), _ => Create(storeId, requestsPerMinute),
            (_, existing) => existing.RequestsPerMinute == requestsPerMinute ? existing : Create(storeId, requestsPerMinute));

    private RequestBudget Create(int storeId, int requestsPerMinute) => shared is not null && storeId > 0
        ? new RequestBudget(new RequestBudgetPolicy(requestsPerMinute), policy => new SharedTokenBucket(shared, storeId, policy, time))
        : new RequestBudget(requestsPerMinute, time);

    private static string Key(string platform, int storeId) => $"{platform}:{storeId}";
}
