using System.Net;
using Xunit.Abstractions;
using Nexus.Core.Platforms;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>429 storms, 5xx bursts, broken pages and the request budget, all on the sandbox's fake clock.</summary>
public class ConnectorResilienceTests(ITestOutputHelper output)
{
    private static readonly WooCommerceConnectorOptions SmallPages = ConnectorHarness.TestOptions with { PageSize = 10 };

    [Fact]
    public async Task A_429_storm_still_ends_with_exact_data_and_counts_the_throttling()
    {
        await using var h = await ConnectorHarness.StartAsync(s => s.RateLimitPerMinute = 12);
        var connector = h.Connector(SmallPages);
        var (records, quarantined) = await h.FetchAllAsync(connector.FetchOrdersAsync);

        Assert.Equal(h.Host.Store.Current.OrderCount, records.Count + quarantined.Count);
        Assert.Equal(records.Count + quarantined.Count, records.Select(o => o.PlatformId).Concat(quarantined.Select(q => q.PlatformId)).Distinct().Count());
        var stats = connector.Stats;
        Assert.True(stats.Throttled > 0, "the store's 12/minute limit must have answered 429");
        Assert.Equal(h.Recorder.Requests.Count(r => r.Status == HttpStatusCode.TooManyRequests), stats.Throttled);
        Assert.Equal(h.Recorder.Requests.Count, stats.Requests);
        output.WriteLine($"429 storm: {stats}, fake minutes {(h.Recorder.Requests.Max(r => r.SentAt) - h.Recorder.Requests.Min(r => r.SentAt)).TotalMinutes:0.0}");
        // The budget slowed down: far fewer 429s than successful requests.
        Assert.True(stats.Throttled < h.Recorder.Requests.Count(r => r.Status == HttpStatusCode.OK), $"{stats}");
    }

    [Fact]
    public async Task Bursts_of_5xx_and_broken_pages_are_retried_to_exact_data()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(SmallPages);
        var baseline = await h.FetchAllAsync(connector.FetchCustomersAsync);

        var faults = h.Host.Faults;
        faults.Enqueue(FaultKind.ServerError, 2);
        faults.Enqueue(FaultKind.BadGateway);
        faults.Enqueue(FaultKind.ServiceUnavailable);
        faults.Enqueue(FaultKind.TruncatedJson);
        faults.Enqueue(FaultKind.HtmlErrorPage);
        faults.Enqueue(FaultKind.WrongContentType); // valid JSON mislabelled text/html: accepted, the parse is the check
        var retried = h.Connector(SmallPages);
        var (records, quarantined) = await h.FetchAllAsync(retried.FetchCustomersAsync);

        Assert.Equal(baseline.Records.Select(c => (c.PlatformId, c.Email)), records.Select(c => (c.PlatformId, c.Email)));
        Assert.Equal(baseline.Quarantined.Select(q => q.PlatformId), quarantined.Select(q => q.PlatformId));
        Assert.Equal(6, retried.Stats.Retries);
        Assert.Equal(connector.Stats.Requests + 6, retried.Stats.Requests);
    }

    [Fact]
    public async Task A_stale_repeat_of_the_previous_page_is_rejected_and_refetched()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(SmallPages);
        var page1 = await h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest(null, null), CancellationToken.None));
        h.Host.Faults.Enqueue(FaultKind.RepeatPreviousPage);
        var page2 = await h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest("2", null), CancellationToken.None));

        var ids1 = page1.Records.Select(o => o.PlatformId).Concat(page1.Quarantined.Select(q => q.PlatformId!));
        var ids2 = page2.Records.Select(o => o.PlatformId).Concat(page2.Quarantined.Select(q => q.PlatformId!)).ToArray();
        Assert.Equal(10, ids2.Length);
        Assert.Empty(ids1.Intersect(ids2));
        Assert.Equal(1, connector.Stats.Retries);
    }

    [Fact]
    public async Task A_hung_request_times_out_and_is_retried()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(ConnectorHarness.TestOptions with { StoreCurrency = "USD" });
        h.Host.Faults.Enqueue(FaultKind.Timeout);
        var page = await h.DriveAsync(() => connector.FetchCustomersAsync(new PageRequest(null, null), CancellationToken.None));
        Assert.NotEmpty(page.Records);
        Assert.Equal(1, connector.Stats.Retries);
    }

    [Fact]
    public async Task A_page_that_stays_broken_fails_with_a_message_naming_it()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(SmallPages);
        await h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest(null, null), CancellationToken.None));
        var before = connector.Stats;

        var attempts = ConnectorHarness.TestOptions.Resilience.MaxRetryAttempts + 1;
        h.Host.Faults.Enqueue(FaultKind.TruncatedJson, attempts);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest("2", null), CancellationToken.None)));
        Assert.Contains("orders page 2", ex.Message);
        Assert.Contains("unreadable page", ex.Message);
        Assert.Equal(attempts, connector.Stats.Requests - before.Requests);
        Assert.Equal(attempts - 1, connector.Stats.Retries - before.Retries);
    }

    [Fact]
    public async Task A_wrong_key_fails_fast_without_retries()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(secret: "cs_wrong");
        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => h.DriveAsync(() => connector.FetchOrdersAsync(new PageRequest(null, null), CancellationToken.None)));
        Assert.Contains("Wrong key", ex.Message);
        Assert.Contains("REST API", ex.Fix);
        Assert.Equal(new ConnectorStats(1, 0, 0), connector.Stats);
    }

    [Fact]
    public async Task The_budget_is_shared_by_concurrent_fetches_and_never_exceeded_in_any_minute()
    {
        const int budget = 30;
        await using var h = await ConnectorHarness.StartAsync();
        var options = ConnectorHarness.TestOptions with { PageSize = 3, RequestsPerMinute = budget };
        var shared = new RequestBudget(budget, h.Time);
        var pipeline = ConnectorPipelineFactory.Build(options.Resilience, h.Time);
        WooCommerceConnector Make() => new(h.Http, new ConnectorTarget(1, h.BaseUrl, new StoreCredentials("ck_test", "cs_test")), options, h.Time, shared, pipeline);
        var orders = Make();
        var customers = Make();
        await h.DriveAsync(() => Task.WhenAll(
            ConnectorHarness.CollectAsync(orders.FetchOrdersAsync),
            ConnectorHarness.CollectAsync(customers.FetchCustomersAsync)));

        var sent = h.Recorder.Requests.Select(r => r.SentAt).Order().ToArray();
        Assert.Equal(orders.Stats.Requests + customers.Stats.Requests, sent.Length);
        Assert.True(sent.Length > 2 * budget, $"only {sent.Length} requests: the test would not exercise the budget");
        var busiest = sent.Select(start => sent.Count(t => t >= start && t < start.AddMinutes(1))).Max();
        output.WriteLine($"budget {budget}/min: {sent.Length} requests, busiest minute {busiest}");
        Assert.InRange(busiest, budget / 2, budget);
    }
}
