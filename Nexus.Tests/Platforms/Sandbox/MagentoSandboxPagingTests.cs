using System.Net;
using System.Text.Json;
using Nexus.Core.Platforms.Magento;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Magento;
using static Nexus.Tests.Platforms.Sandbox.MagentoSandboxClient;

namespace Nexus.Tests.Platforms.Sandbox;

public class MagentoSandboxPagingTests
{
    private static async Task<(List<JsonElement> Items, int Total, int Requests)> AllPages(SandboxServer server, string store, string resource, int pageSize,
        (string, string)[]? sorts = null, (string, string, string)[]? filters = null)
    {
        var items = new List<JsonElement>();
        int total;
        var requests = 0;
        for (var page = 1; ; page++)
        {
            var json = await server.SignedJsonAsync(Api(store, $"{resource}?{Criteria(pageSize, page, sorts, filters)}"));
            requests++;
            total = json.GetProperty("total_count").GetInt32();
            items.AddRange(json.GetProperty("items").EnumerateArray());
            if (page * pageSize >= total) break;
        }
        return (items, total, requests);
    }

    [Fact]
    public async Task Every_collection_pages_to_exactly_its_total_in_entity_id_order()
    {
        await using var server = await SandboxServer.StartAsync(Store("p"));
        var store = server.Registry.Find("magento", "p")!.Store;
        var catalog = MagentoCatalog.For(store);
        var refunds = Enumerable.Range(0, store.Current.OrderCount).SelectMany(i => store.Order(store.Current, i).Refunds).Select(r => r.Id).ToArray();

        var orders = await AllPages(server, "p", "orders", 17, [("entity_id", "ASC")]);
        var customers = await AllPages(server, "p", "customers/search", 9, [("entity_id", "ASC")]);
        var products = await AllPages(server, "p", "products", 10, [("entity_id", "ASC")]);
        var memos = await AllPages(server, "p", "creditmemos", 3, [("entity_id", "ASC")]);

        Assert.Equal(Enumerable.Range(0, store.Current.OrderCount).Select(i => OrderFactory.OrderId(i)), orders.Items.Select(o => o.GetProperty("entity_id").GetInt32()));
        Assert.Equal(store.Current.OrderCount, orders.Total);
        Assert.Equal((store.Current.OrderCount + 16) / 17, orders.Requests);
        Assert.Equal(Enumerable.Range(1, store.CustomerCount), customers.Items.Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal(catalog.Products.Select(p => p.Id).Order(), products.Items.Select(p => p.GetProperty("id").GetInt32()));
        Assert.Equal(catalog.Products.Count, products.Total);
        Assert.Equal(store.Products.Count + store.Products.Sum(p => p.Variations.Count) + 2 * Math.Max(1, store.Products.Count / 20), products.Total);
        Assert.NotEmpty(refunds);
        Assert.Equal(refunds, memos.Items.Select(m => m.GetProperty("entity_id").GetInt32()));
    }

    [Fact]
    public async Task Without_page_size_everything_comes_at_once_and_the_envelope_has_the_documented_shape()
    {
        await using var server = await SandboxServer.StartAsync(Store("e"));
        var documented = Nexus.Tests.Platforms.Magento.MagentoFixtures.Element("search-result-source-items.json");

        var json = await server.SignedJsonAsync(Api("e", "customers/search?" + Criteria(filters: [("email", "%@%", "like")])));

        Assert.Equal(documented.EnumerateObject().Select(p => p.Name), json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(server.Registry.Find("magento", "e")!.Store.CustomerCount, json.GetProperty("items").GetArrayLength());
        var filter = json.GetProperty("search_criteria").GetProperty("filter_groups")[0].GetProperty("filters")[0];
        var documentedFilter = documented.GetProperty("search_criteria").GetProperty("filter_groups")[0].GetProperty("filters")[0];
        Assert.Equal(documentedFilter.EnumerateObject().Select(p => p.Name), filter.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("email", "%@%", "like"), (filter.GetProperty("field").GetString(), filter.GetProperty("value").GetString(), filter.GetProperty("condition_type").GetString()));
    }

    [Fact]
    public async Task Past_the_last_page_is_empty_on_2_4_and_the_last_page_again_with_the_pre_2_4_switch()
    {
        await using var server = await SandboxServer.StartAsync(Store("new"), Store("old", configure: m => m.RepeatLastPageBeyondEnd = true));
        var count = server.Registry.Find("magento", "new")!.Store.Current.OrderCount;
        var lastPage = (count + 9) / 10;

        var modern = await server.SignedJsonAsync(Api("new", "orders?" + Criteria(10, lastPage + 3)));
        var oldLast = await server.SignedJsonAsync(Api("old", "orders?" + Criteria(10, lastPage)));
        var oldPast = await server.SignedJsonAsync(Api("old", "orders?" + Criteria(10, lastPage + 3)));

        Assert.Equal(0, modern.GetProperty("items").GetArrayLength());
        Assert.Equal(count, modern.GetProperty("total_count").GetInt32());
        Assert.Equal(count - (lastPage - 1) * 10, oldPast.GetProperty("items").GetArrayLength());
        Assert.Equal(oldLast.GetProperty("items").GetRawText(), oldPast.GetProperty("items").GetRawText());
        Assert.Equal(lastPage + 3, oldPast.GetProperty("search_criteria").GetProperty("current_page").GetInt32());
    }

    [Fact]
    public async Task Sort_orders_apply_in_order_with_entity_id_breaking_ties()
    {
        await using var server = await SandboxServer.StartAsync(Store("s"));

        var byCreated = await AllPages(server, "s", "orders", 25, [("created_at", "DESC")]);
        var byStatus = await AllPages(server, "s", "orders", 25, [("status", "ASC"), ("updated_at", "DESC")]);

        var created = byCreated.Items.Select(o => o.GetProperty("created_at").GetString() ?? "").ToList();
        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), created);
        var statuses = byStatus.Items.Select(o => (Status: o.GetProperty("status").GetString()!, Updated: o.GetProperty("updated_at").GetString()!)).ToList();
        Assert.Equal(statuses.OrderBy(x => x.Status, StringComparer.OrdinalIgnoreCase).ThenByDescending(x => x.Updated, StringComparer.Ordinal), statuses);
        Assert.True(statuses.Select(s => s.Status).Distinct().Count() > 2);
    }

    [Fact]
    public async Task Updated_at_gteq_the_old_clock_returns_exactly_what_the_clock_changed()
    {
        await using var server = await SandboxServer.StartAsync(Store("c"));
        var store = server.Registry.Find("magento", "c")!.Store;
        var before = store.Current.NowUtc;
        var advance = store.AdvanceDays(5);
        Assert.True(advance.NewOrders > 0 && advance.ChangedCustomerIds.Count > 0);
        var since = before.ToString("yyyy-MM-dd HH:mm:ss");

        var orders = await AllPages(server, "c", "orders", 20, [("updated_at", "ASC")], [("updated_at", since, "gteq")]);
        var customers = await AllPages(server, "c", "customers/search", 20, [("updated_at", "ASC")], [("updated_at", since, "gteq")]);
        var everything = await server.SignedJsonAsync(Api("c", "orders?" + Criteria(1)));

        Assert.Equal(advance.ChangedOrderIds.Order(), orders.Items.Select(o => o.GetProperty("entity_id").GetInt32()).Order());
        var updated = orders.Items.Select(o => o.GetProperty("updated_at").GetString()!).ToList();
        Assert.Equal(updated.Order(StringComparer.Ordinal), updated);
        Assert.All(updated, u => Assert.True(string.CompareOrdinal(u, since) >= 0));
        Assert.Equal(advance.ChangedCustomerIds.Order(), customers.Items.Select(c => c.GetProperty("id").GetInt32()).Order());
        Assert.Equal(store.Current.OrderCount, everything.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Filters_in_a_group_are_ored_and_groups_anded()
    {
        await using var server = await SandboxServer.StartAsync(Store("f"));
        var orders = (await AllPages(server, "f", "orders", 50)).Items;
        var expected = orders.Where(o => o.GetProperty("status").GetString() is "complete" or "closed" && o.GetProperty("entity_id").GetInt32() > 1050)
            .Select(o => o.GetProperty("entity_id").GetInt32()).ToList();
        const string query = "searchCriteria[filter_groups][0][filters][0][field]=status&searchCriteria[filter_groups][0][filters][0][value]=complete" +
                             "&searchCriteria[filter_groups][0][filters][1][field]=status&searchCriteria[filter_groups][0][filters][1][value]=closed" +
                             "&searchCriteria[filter_groups][1][filters][0][field]=entity_id&searchCriteria[filter_groups][1][filters][0][value]=1050" +
                             "&searchCriteria[filter_groups][1][filters][0][condition_type]=gt";

        var json = await server.SignedJsonAsync(Api("f", "orders?" + query));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, json.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("entity_id").GetInt32()));
        Assert.Equal(expected.Count, json.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Bad_search_criteria_get_magentos_errors()
    {
        await using var server = await SandboxServer.StartAsync(Store("b"));

        async Task<(HttpStatusCode, string?)> Get(string query)
        {
            using var response = await server.GetSignedAsync(Api("b", "orders" + query));
            return (response.StatusCode, MagentoErrorMessage.TryRender(await response.Content.ReadAsByteArrayAsync()));
        }

        Assert.Equal((HttpStatusCode.BadRequest, "\"searchCriteria\" is required. Enter and try again."), await Get(""));
        Assert.Equal((HttpStatusCode.BadRequest, "The \"ten\" value's type is invalid. The \"int\" type was expected. Verify and try again."),
            await Get("?searchCriteria[pageSize]=ten"));
        var (status, message) = await Get("?" + Criteria(filters: [("no_such_column", "1", "eq")]));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.StartsWith("Internal Error. Details are available in Magento log file. Report ID: webapi-", message);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_the_documented_body_and_no_retry_after()
    {
        var options = Store("r");
        options.RateLimitPerMinute = 2;
        await using var server = await SandboxServer.StartAsync(options);
        var url = Api("r", "orders?" + Criteria(1));

        using var first = await server.GetSignedAsync(url);
        using var second = await server.GetSignedAsync(url);
        using var third = await server.GetSignedAsync(url);
        server.Time.Advance(TimeSpan.FromSeconds(31));
        using var later = await server.GetSignedAsync(url);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(Nexus.Tests.Platforms.Magento.MagentoFixtures.Bytes("error-429-too-many-requests.json")).Trim(),
            await third.Content.ReadAsStringAsync());
        Assert.False(third.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Injected_5xx_faults_look_like_magento_and_the_store_recovers()
    {
        await using var server = await SandboxServer.StartAsync(Store("x"));
        var host = server.Registry.Find("magento", "x")!;
        var url = Api("x", "orders?" + Criteria(5));
        host.Faults.Enqueue(FaultKind.ServerError);
        host.Faults.Enqueue(FaultKind.ServiceUnavailable);
        host.Faults.Enqueue(FaultKind.BadGateway);

        using var error = await server.GetSignedAsync(url);
        using var maintenance = await server.GetSignedAsync(url);
        using var gateway = await server.GetSignedAsync(url);
        using var ok = await server.GetSignedAsync(url);

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.StartsWith("Internal Error. Details are available in Magento log file.", MagentoErrorMessage.TryRender(await error.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, maintenance.StatusCode);
        Assert.Contains("Service Temporarily Unavailable", await maintenance.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadGateway, gateway.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(5, (await SandboxServer.JsonAsync(ok)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Repeat_previous_page_fault_serves_the_last_list_body_again()
    {
        await using var server = await SandboxServer.StartAsync(Store("rp"));
        var host = server.Registry.Find("magento", "rp")!;

        var page1 = await server.SignedJsonAsync(Api("rp", "orders?" + Criteria(5, 1)));
        host.Faults.Enqueue(FaultKind.RepeatPreviousPage);
        var page2 = await server.SignedJsonAsync(Api("rp", "orders?" + Criteria(5, 2)));

        Assert.Equal(page1.GetRawText(), page2.GetRawText());
    }
}
