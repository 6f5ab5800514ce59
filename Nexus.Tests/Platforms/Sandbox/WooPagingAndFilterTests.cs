using System.Net;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Tests.Platforms.Sandbox;

public class WooPagingAndFilterTests
{
    private static async Task<(List<int> Ids, int Total, int Pages)> PageIdsAsync(SandboxServer server, string store, string resource, int page, string extra = "")
    {
        using var response = await server.GetBasicAsync(SandboxServer.ApiPath(store, $"{resource}?per_page=7&page={page}{extra}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await SandboxServer.JsonAsync(response);
        return (json.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList(),
            int.Parse(response.Headers.GetValues("X-WP-Total").Single()), int.Parse(response.Headers.GetValues("X-WP-TotalPages").Single()));
    }

    [Theory]
    [InlineData("orders", "")]
    [InlineData("orders", "&orderby=modified&order=asc")]
    [InlineData("customers", "")]
    [InlineData("products", "&orderby=title")]
    public async Task Union_of_pages_is_every_record_once_sequentially_and_concurrently(string resource, string extra)
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("p"));
        var store = server.Registry.Find("woocommerce", "p")!.Store;
        var expected = resource switch
        {
            "orders" => Enumerable.Range(0, store.Current.OrderCount).Select(i => OrderFactory.OrderId(i)).ToHashSet(),
            "customers" => Enumerable.Range(1, store.CustomerCount).ToHashSet(),
            _ => store.Products.Select(p => p.Id).ToHashSet(),
        };

        var first = await PageIdsAsync(server, "p", resource, 1, extra);
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal((expected.Count + 6) / 7, first.Pages);

        var sequential = new List<int>(first.Ids);
        for (var page = 2; page <= first.Pages; page++) sequential.AddRange((await PageIdsAsync(server, "p", resource, page, extra)).Ids);
        var concurrent = (await Task.WhenAll(Enumerable.Range(1, first.Pages).Select(p => PageIdsAsync(server, "p", resource, p, extra))))
            .SelectMany(r => r.Ids).ToList();

        Assert.Equal(expected.Count, sequential.Count);
        Assert.Equal(expected, sequential.ToHashSet());
        Assert.Equal(sequential, concurrent); // same order too: Task.WhenAll keeps page order
        Assert.Empty((await PageIdsAsync(server, "p", resource, first.Pages + 1, extra)).Ids);
    }

    [Fact]
    public async Task Default_page_size_and_Link_header_follow_WordPress()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("l"));
        using var response = await server.GetBasicAsync(SandboxServer.ApiPath("l", "orders?page=2&status=any"));
        var json = await SandboxServer.JsonAsync(response);
        Assert.Equal(10, json.GetArrayLength());
        var pages = int.Parse(response.Headers.GetValues("X-WP-TotalPages").Single());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("page=3>; rel=\"next\"", link);
        Assert.Contains("page=1>; rel=\"prev\"", link);
        Assert.Contains("page=1>; rel=\"first\"", link);
        Assert.Contains($"page={pages}>; rel=\"last\"", link);
        Assert.Contains("status=any", link);
        // Default order is date desc: ids fall.
        var ids = json.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
    }

    [Theory]
    [InlineData("per_page=101", "per_page")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("page=0", "page")]
    [InlineData("orderby=price", "orderby")]
    [InlineData("modified_after=yesterday", "modified_after")]
    public async Task Invalid_list_parameters_get_rest_invalid_param(string query, string param)
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("v"));
        using var response = await server.GetBasicAsync(SandboxServer.ApiPath("v", "orders?" + query));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await SandboxServer.JsonAsync(response);
        Assert.Equal("rest_invalid_param", json.GetProperty("code").GetString());
        Assert.Equal(400, json.GetProperty("data").GetProperty("status").GetInt32());
        Assert.True(json.GetProperty("data").GetProperty("params").TryGetProperty(param, out _));
    }

    [Fact]
    public async Task Unknown_routes_and_ids_get_WooCommerce_404s()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("n"));
        using var noRoute = await server.GetBasicAsync(SandboxServer.ApiPath("n", "widgets"));
        using var noOrder = await server.GetBasicAsync(SandboxServer.ApiPath("n", "orders/99999999"));
        Assert.Equal(HttpStatusCode.NotFound, noRoute.StatusCode);
        Assert.Equal("rest_no_route", (await SandboxServer.JsonAsync(noRoute)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, noOrder.StatusCode);
        Assert.Equal("woocommerce_rest_shop_order_invalid_id", (await SandboxServer.JsonAsync(noOrder)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Modified_after_the_old_clock_returns_exactly_what_AdvanceDays_changed()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("c"));
        var store = server.Registry.Find("woocommerce", "c")!.Store;
        var before = store.Current.NowUtc;
        var advance = store.AdvanceDays(5);
        Assert.True(advance.NewOrders > 0);
        var existingChanged = advance.ChangedOrderIds.Count(id => OrderFactory.IndexOf(id) < store.Current.OrderCount - advance.NewOrders);
        Assert.True(existingChanged > 0, "the clock should change some existing orders (payment, completion, refund)");

        var since = before.ToString("yyyy-MM-dd'T'HH:mm:ss");
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            using var response = await server.GetBasicAsync(SandboxServer.ApiPath("c", $"orders?per_page=100&page={page}&modified_after={since}&dates_are_gmt=true"));
            var json = await SandboxServer.JsonAsync(response);
            ids.AddRange(json.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
            foreach (var o in json.EnumerateArray())
                Assert.True(DateTime.Parse(o.GetProperty("date_modified_gmt").GetString()!) > before);
            if (json.GetArrayLength() < 100) break;
        }
        Assert.Equal(advance.ChangedOrderIds.Order(), ids.Order());

        // The same instant in store-local time (dates_are_gmt=false) selects the same set.
        var local = store.Settings.ToLocal(before).ToString("yyyy-MM-dd'T'HH:mm:ss");
        using var localResponse = await server.GetBasicAsync(SandboxServer.ApiPath("c", $"orders?per_page=100&modified_after={local}"));
        Assert.Equal(advance.ChangedOrderIds.Count, int.Parse(localResponse.Headers.GetValues("X-WP-Total").Single()));
    }

    [Fact]
    public async Task Advancing_the_clock_changes_statuses_and_customer_profiles_with_new_modified_dates()
    {
        var store = GenerationTests.Store(8, SizeProfile.Small);
        var s0 = store.Current;
        var open = Enumerable.Range(0, s0.OrderCount).Select(i => store.Order(s0, i)).Where(o => o.Status is "processing" or "on-hold" or "pending").ToList();
        var advance = store.AdvanceDays(10);
        var s1 = store.Current;
        var moved = open.Count(o => store.FindOrder(s1, o.Id)!.Status != o.Status);
        Assert.True(moved > 0);
        Assert.All(advance.ChangedOrderIds, id => Assert.True(store.FindOrder(s1, id)!.ModifiedUtc > s0.NowUtc));
        Assert.NotEmpty(advance.ChangedCustomerIds);
        Assert.All(advance.ChangedCustomerIds, id =>
        {
            Assert.True(store.Customer(s1, id).ModifiedUtc > s0.NowUtc);
            Assert.NotEqual(store.Customer(s0, id).Billing, store.Customer(s1, id).Billing);
        });
        // Unchanged orders serve the same JSON-relevant state.
        var unchanged = Enumerable.Range(0, s0.OrderCount).Select(i => OrderFactory.OrderId(i)).Except(advance.ChangedOrderIds).Take(200);
        Assert.All(unchanged, id => Assert.Equal(store.FindOrder(s0, id)!.ModifiedUtc, store.FindOrder(s1, id)!.ModifiedUtc));
    }
}
