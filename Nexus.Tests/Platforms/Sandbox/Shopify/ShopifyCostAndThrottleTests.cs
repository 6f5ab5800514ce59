using System.Net;
using Nexus.Web.Sandbox.Behaviour;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

public class ShopifyCostAndThrottleTests
{
    private const string TenOrders = "{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { id } } } pageInfo { hasNextPage } } }";

    [Fact]
    public async Task Requested_cost_follows_first_and_actual_cost_what_came_back()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("c"));
        var body = await server.QueryAsync("c", TenOrders);
        var cost = body.GetProperty("extensions").GetProperty("cost");
        // 2 for the connection + 10 orders × (1 + lineItems: 2 + 5 × 1)
        Assert.Equal(2 + 10 * (1 + 2 + 5), cost.GetProperty("requestedQueryCost").GetInt32());
        var lines = body.Data("orders", "nodes").EnumerateArray().Sum(o => o.GetProperty("lineItems").GetProperty("nodes").GetArrayLength());
        Assert.Equal(2 + 10 * (1 + 2) + lines, cost.GetProperty("actualQueryCost").GetInt32());
        var status = cost.GetProperty("throttleStatus");
        Assert.Equal(2000, status.GetProperty("maximumAvailable").GetDouble());
        Assert.Equal(100, status.GetProperty("restoreRate").GetDouble());
        Assert.Equal(2000 - (2 + 10 * 3 + lines), status.GetProperty("currentlyAvailable").GetInt32());
    }

    [Fact]
    public async Task A_short_bucket_answers_THROTTLED_and_refills_at_the_restore_rate()
    {
        var options = ShopifySandbox.Store("t");
        options.Shopify.BucketSize = 200;
        options.Shopify.RestoreRate = 10;
        await using var server = await SandboxServer.StartAsync(options);
        const string Big = "{ orders(first: 90) { nodes { id customer { id } } } }"; // 2 + 90 × 2 = 182 points
        var first = await server.QueryAsync("t", Big);
        Assert.Equal(182, first.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32());
        var left = first.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetInt32();

        using var throttled = await server.PostAsync("t", Big);
        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        var body = await SandboxServer.JsonAsync(throttled);
        Assert.Equal("THROTTLED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Throttled", body.GetProperty("errors")[0].GetProperty("message").GetString());
        var cost = body.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cost.GetProperty("actualQueryCost").ValueKind);
        Assert.Equal(left, cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetInt32());
        Assert.False(body.TryGetProperty("data", out _));

        // (requested − available) / restoreRate seconds later the same query fits.
        server.Time.Advance(TimeSpan.FromSeconds(Math.Ceiling((182.0 - left) / 10)));
        var again = await server.QueryAsync("t", Big);
        Assert.Equal(90, again.Data("orders", "nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_query_over_1000_points_is_refused_before_it_touches_the_bucket()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("m"));
        var body = await server.QueryAsync("m", "{ orders(first: 250) { nodes { id lineItems(first: 10) { nodes { id } } } } }");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("MAX_COST_EXCEEDED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(2 + 250 * 13, error.GetProperty("extensions").GetProperty("cost").GetInt32());
        Assert.StartsWith("Query cost is 3252, which exceeds the single query max cost limit (1000).", error.GetProperty("message").GetString());
        var after = await server.QueryAsync("m", "{ shop { name } }");
        Assert.Equal(2000 - 1, after.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetInt32());
    }

    [Fact]
    public async Task A_connection_without_first_or_last_is_refused()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("f"));
        var body = await server.QueryAsync("f", "{ orders { nodes { id } } }");
        Assert.Equal("you must provide one of first or last", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_throttling_storm_answers_THROTTLED_for_each_scripted_request_then_recovers()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("s"));
        server.Registry.Find("shopify", "s")!.Faults.Enqueue(FaultKind.Throttled, 3);
        for (var k = 0; k < 3; k++)
        {
            var body = await server.QueryAsync("s", TenOrders);
            Assert.Equal("THROTTLED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(0, body.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetInt32());
        }
        server.Time.Advance(TimeSpan.FromSeconds(1)); // 100 points back: enough for the 82-point query
        var recovered = await server.QueryAsync("s", TenOrders);
        Assert.Equal(10, recovered.Data("orders", "nodes").GetArrayLength());
    }
}
