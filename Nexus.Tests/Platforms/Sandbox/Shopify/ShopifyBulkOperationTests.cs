using System.Net;
using System.Text.Json;
using Nexus.Web.Sandbox.Shopify;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

public class ShopifyBulkOperationTests
{
    private const string OrdersWithLines = "{ orders { edges { node { id name totalPriceSet { shopMoney { amount } } lineItems { edges { node { id sku quantity } } } } } } }";

    private static string RunMutation(string inner) =>
        "mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }";

    private const string Poll = "query($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url partialDataUrl } }";

    [Fact]
    public async Task A_bulk_query_goes_CREATED_RUNNING_COMPLETED_and_its_JSON_Lines_equal_the_paged_results()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("b"));
        var started = await server.QueryAsync("b", RunMutation(OrdersWithLines), new { q = OrdersWithLines });
        Assert.Equal(10, started.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32());
        var operation = started.Data("bulkOperationRunQuery", "bulkOperation");
        Assert.Equal("CREATED", operation.GetProperty("status").GetString());
        var id = operation.GetProperty("id").GetString()!;
        Assert.StartsWith("gid://shopify/BulkOperation/", id, StringComparison.Ordinal);

        var again = await server.QueryAsync("b", RunMutation(OrdersWithLines), new { q = OrdersWithLines });
        Assert.Equal("OPERATION_IN_PROGRESS", again.Data("bulkOperationRunQuery", "userErrors")[0].GetProperty("code").GetString());

        server.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("RUNNING", (await server.QueryAsync("b", Poll, new { id })).Data("bulkOperation", "status").GetString());
        var completed = await WaitForAsync(server, "b", id, "COMPLETED");
        Assert.Equal("COMPLETED", (await server.QueryAsync("b", "{ currentBulkOperation { status } }")).Data("currentBulkOperation", "status").GetString());

        var lines = await DownloadAsync(server, completed.GetProperty("url").GetString()!);
        var paged = await server.AllNodesAsync("b", "orders", "id name totalPriceSet { shopMoney { amount } } lineItems(first: 10) { nodes { id sku quantity } }", pageSize: 50);
        var expected = new List<string>();
        foreach (var order in paged)
        {
            var id2 = order.GetProperty("id").GetString();
            expected.Add(JsonSerializer.Serialize(new { id = id2, name = order.GetProperty("name").GetString(), totalPriceSet = order.GetProperty("totalPriceSet") }));
            foreach (var line in order.GetProperty("lineItems").GetProperty("nodes").EnumerateArray())
                expected.Add(JsonSerializer.Serialize(new { id = line.GetProperty("id").GetString(), sku = line.GetProperty("sku"), quantity = line.GetProperty("quantity").GetInt32(), __parentId = id2 }));
        }
        Assert.Equal(expected, lines);
        Assert.Equal(lines.Count, long.Parse(completed.GetProperty("objectCount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(paged.Count, long.Parse(completed.GetProperty("rootObjectCount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_failed_bulk_operation_reports_INTERNAL_SERVER_ERROR_and_only_a_partial_file()
    {
        var options = ShopifySandbox.Store("f");
        options.Shopify.FailBulkOperations = 1;
        await using var server = await SandboxServer.StartAsync(options);
        var started = await server.QueryAsync("f", RunMutation(OrdersWithLines), new { q = OrdersWithLines });
        var id = started.Data("bulkOperationRunQuery", "bulkOperation", "id").GetString()!;
        server.Time.Advance(TimeSpan.FromSeconds(1));
        var failed = await WaitForAsync(server, "f", id, "FAILED");
        Assert.Equal("INTERNAL_SERVER_ERROR", failed.GetProperty("errorCode").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("url").ValueKind);
        var partial = await DownloadAsync(server, failed.GetProperty("partialDataUrl").GetString()!);
        var orders = server.Registry.Find("shopify", "f")!.Store.Current.OrderCount;
        var roots = partial.Count(l => !l.Contains("__parentId", StringComparison.Ordinal));
        Assert.InRange(roots, 1, orders - 1);
        Assert.Equal(partial.Count, long.Parse(failed.GetProperty("objectCount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // The next operation is healthy again.
        var next = await server.QueryAsync("f", RunMutation(OrdersWithLines), new { q = OrdersWithLines });
        var nextId = next.Data("bulkOperationRunQuery", "bulkOperation", "id").GetString()!;
        server.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(server, "f", nextId, "COMPLETED");
    }

    [Fact]
    public async Task A_bulk_query_over_a_scope_the_app_lacks_fails_with_ACCESS_DENIED()
    {
        var options = ShopifySandbox.Store("s");
        options.Shopify.Scopes = ["read_orders"];
        await using var server = await SandboxServer.StartAsync(options);
        const string Customers = "{ customers { edges { node { id } } } }";
        var started = await server.QueryAsync("s", RunMutation(Customers), new { q = Customers });
        var id = started.Data("bulkOperationRunQuery", "bulkOperation", "id").GetString()!;
        server.Time.Advance(TimeSpan.FromSeconds(1));
        var failed = await WaitForAsync(server, "s", id, "FAILED");
        Assert.Equal("ACCESS_DENIED", failed.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("{ shop { name } }")]
    [InlineData("{ orders { edges { node { lineItems { edges { node { product { variants { edges { node { id } } } } } } } } } } }")]
    public async Task Bulk_queries_outside_Shopifys_limits_are_user_errors(string inner)
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("l"));
        var body = await server.QueryAsync("l", RunMutation(inner), new { q = inner });
        var payload = body.Data("bulkOperationRunQuery");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("bulkOperation").ValueKind);
        Assert.Equal("INVALID", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_result_file_is_not_served_before_the_operation_completes()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("n"));
        var state = ShopifyShopState.Of(server.Registry.Find("shopify", "n")!);
        await server.QueryAsync("n", RunMutation(OrdersWithLines), new { q = OrdersWithLines });
        Assert.Null(state.Bulk.ResultFile("bulk-4046733967549.jsonl"));
        using var early = await server.Http.GetAsync("/sandbox/shopify/n/bulk/bulk-4046733967549.jsonl");
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
    }

    private static async Task<JsonElement> WaitForAsync(SandboxServer server, string store, string id, string status)
    {
        for (var k = 0; k < 200; k++)
        {
            var operation = (await server.QueryAsync(store, Poll, new { id })).Data("bulkOperation");
            var now = operation.GetProperty("status").GetString();
            if (now == status) return operation;
            Assert.True(now is "CREATED" or "RUNNING", $"status {now} while waiting for {status}");
            server.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        throw new TimeoutException($"The bulk operation never reached {status}.");
    }

    private static async Task<List<string>> DownloadAsync(SandboxServer server, string url)
    {
        using var response = await server.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
