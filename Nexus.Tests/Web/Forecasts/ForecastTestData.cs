using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Tests.Analytics.Metrics;

namespace Nexus.Tests.Web.Forecasts;

/// <summary>Seeded daily orders for forecast tests: one to three revenue orders a day with a weekly rhythm.</summary>
internal static class ForecastTestData
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero); // a Monday

    /// <summary>Seeds <paramref name="days"/> days of orders from <paramref name="start"/> (default <see cref="Start"/>) and returns them.</summary>
    public static async Task<IReadOnlyList<Order>> SeedAsync(ScratchStoreDatabase database, int days, int seed = 3, DateTimeOffset? start = null)
    {
        var first = start ?? Start;
        var random = new Random(seed);
        var orders = new List<Order>();
        for (var d = 0; d < days; d++)
        {
            var count = 1 + (d % 7 is 5 or 6 ? 2 : random.Next(2));
            for (var k = 0; k < count; k++)
                orders.Add(MetricsTestData.NewOrder($"o{d}-{k}", $"c{random.Next(50)}", null, OrderStatus.Completed, 20 + random.Next(80), first.AddDays(d)));
        }
        await new RecordUpserter(database).UpsertOrdersAsync(database.TenantId, database.StoreId, orders);
        return orders;
    }
}

/// <summary>Records what was enqueued instead of talking to Hangfire storage.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<Job> Created { get; } = [];

    public string Create(Job job, IState state)
    {
        Created.Add(job);
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
