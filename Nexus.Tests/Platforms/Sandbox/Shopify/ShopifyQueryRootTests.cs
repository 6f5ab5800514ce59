using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

/// <summary>The Query root beyond plain ID paging: single lookups, every sort key, reverse, counts with a limit, and refused arguments.</summary>
public class ShopifyQueryRootTests
{
    private static string Gid(string type, long id) => $"gid://shopify/{type}/{id}";

    /// <summary>Every node of a connection in the given sort and direction, walking endCursor as a connector does.</summary>
    private static async Task<List<string>> Walk(SandboxServer server, string store, string connection, string sortKey, bool reverse, int pageSize = 7)
    {
        var ids = new List<string>();
        string? after = null;
        var query = $"query($after: String) {{ {connection}(first: {pageSize}, after: $after, sortKey: {sortKey}, reverse: {(reverse ? "true" : "false")}) {{ nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}";
        while (true)
        {
            var page = (await server.QueryAsync(store, query, new { after })).Data(connection);
            ids.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) return ids;
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
    }

    [Fact]
    public async Task Single_lookups_find_what_exists_and_answer_null_for_anything_else()
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("g"));
        var store = server.Registry.Find("shopify", "g")!.Store;
        var orderId = OrderFactory.OrderId(3);

        async Task<string?> Lookup(string field, string id)
        {
            var found = (await server.QueryAsync("g", $"query($id: ID!) {{ {field}(id: $id) {{ id }} }}", new { id })).Data(field);
            return found.ValueKind == JsonValueKind.Null ? null : found.GetProperty("id").GetString();
        }

        Assert.Equal(Gid("Order", orderId), await Lookup("order", Gid("Order", orderId)));
        Assert.Null(await Lookup("order", Gid("Order", 99_999_999)));
        Assert.Null(await Lookup("order", Gid("Customer", orderId)));       // another type's id
        Assert.Null(await Lookup("order", "gid://shopify/Order/-4"));
        Assert.Null(await Lookup("order", orderId.ToString(CultureInfo.InvariantCulture))); // a legacy id is not a GID

        Assert.Equal(Gid("Customer", 1), await Lookup("customer", Gid("Customer", 1)));
        Assert.Equal(Gid("Customer", store.CustomerCount), await Lookup("customer", Gid("Customer", store.CustomerCount)));
        Assert.Null(await Lookup("customer", Gid("Customer", 0)));
        Assert.Null(await Lookup("customer", Gid("Customer", store.CustomerCount + 1)));

        Assert.Equal(Gid("Product", store.Products.Count), await Lookup("product", Gid("Product", store.Products.Count)));
        Assert.Null(await Lookup("product", Gid("Product", store.Products.Count + 1)));
        Assert.Null(await Lookup("product", "gid://shopify/Product/abc"));
    }

    [Fact]
    public async Task Customers_sort_by_name_registration_and_update_forwards_and_in_reverse()
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("c"));
        var store = server.Registry.Find("shopify", "c")!.Store;
        var byName = store.CustomersByName().Select(id => Gid("Customer", id)).ToArray();
        var byRegistration = store.CustomersByRegistration().Select(id => Gid("Customer", id)).ToArray();
        var byUpdate = Enumerable.Range(1, store.CustomerCount).OrderBy(id => store.Current.CustomerModifiedTicks[id - 1]).ThenBy(id => id)
            .Select(id => Gid("Customer", id)).ToArray();

        Assert.Equal(byName, await Walk(server, "c", "customers", "NAME", reverse: false));
        Assert.Equal(byName.Reverse(), await Walk(server, "c", "customers", "NAME", reverse: true));
        Assert.Equal(byRegistration, await Walk(server, "c", "customers", "CREATED_AT", reverse: false));
        Assert.Equal(byUpdate, await Walk(server, "c", "customers", "UPDATED_AT", reverse: false));
        Assert.Equal(byUpdate.Reverse(), await Walk(server, "c", "customers", "UPDATED_AT", reverse: true));
        Assert.Equal(Enumerable.Range(1, store.CustomerCount).Reverse().Select(id => Gid("Customer", id)), await Walk(server, "c", "customers", "ID", reverse: true));
        // The names really are in order, so the store's own sort is what a merchant would see.
        var names = (await server.AllNodesAsync("c", "customers", "displayName", pageSize: 50, sortKey: "NAME")).Select(n => n.GetProperty("displayName").GetString()!).ToArray();
        Assert.Equal(store.CustomersByName().Select(id => store.Customer(store.Current, id)).Select(c => $"{c.FirstName} {c.LastName}".Trim()), names);
    }

    [Fact]
    public async Task Products_sort_by_title_creation_and_id_forwards_and_in_reverse()
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("p"));
        var products = server.Registry.Find("shopify", "p")!.Store.Products;
        var byTitle = products.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => Gid("Product", p.Id)).ToArray();
        var byCreation = products.OrderBy(p => p.CreatedUtc).ThenBy(p => p.Id).Select(p => Gid("Product", p.Id)).ToArray();

        Assert.Equal(byTitle, await Walk(server, "p", "products", "TITLE", reverse: false, pageSize: 3));
        Assert.Equal(byTitle.Reverse(), await Walk(server, "p", "products", "TITLE", reverse: true, pageSize: 3));
        Assert.Equal(byCreation, await Walk(server, "p", "products", "CREATED_AT", reverse: false, pageSize: 3));
        Assert.Equal(byCreation.Reverse(), await Walk(server, "p", "products", "CREATED_AT", reverse: true, pageSize: 3));
        Assert.Equal(products.Select(p => Gid("Product", p.Id)).Reverse(), await Walk(server, "p", "products", "ID", reverse: true, pageSize: 3));
    }

    [Fact]
    public async Task Orders_sort_by_creation_and_update_in_reverse_newest_first()
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("o"));
        var s = server.Registry.Find("shopify", "o")!.Store.Current;
        var byId = Enumerable.Range(0, s.OrderCount).Select(i => Gid("Order", OrderFactory.OrderId(i))).ToArray();
        var byUpdate = s.OrdersByModified().Select(i => Gid("Order", OrderFactory.OrderId(i))).ToArray();

        Assert.Equal(byId.Reverse(), await Walk(server, "o", "orders", "CREATED_AT", reverse: true, pageSize: 20));
        Assert.Equal(byId, await Walk(server, "o", "orders", "CREATED_AT", reverse: false, pageSize: 20));
        Assert.Equal(byUpdate.Reverse(), await Walk(server, "o", "orders", "UPDATED_AT", reverse: true, pageSize: 20));
    }

    [Fact]
    public async Task A_search_narrows_orders_customers_and_products_and_their_counts_alike()
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("q"));
        var store = server.Registry.Find("shopify", "q")!.Store;
        var s = store.Current;
        var cut = s.OrderCreatedUtc(s.OrderCount / 2);
        var since = cut.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var query = $"created_at:<'{since}'";

        var expectedOrders = Enumerable.Range(0, s.OrderCount).Where(i => s.OrderCreatedUtc(i) < cut).Select(i => Gid("Order", OrderFactory.OrderId(i))).ToArray();
        var orders = await server.AllNodesAsync("q", "orders", "id", pageSize: 30, search: query, sortKey: "CREATED_AT");
        Assert.Equal(expectedOrders, orders.Select(o => o.GetProperty("id").GetString()));

        var expectedCustomers = Enumerable.Range(1, store.CustomerCount).Where(id => store.Customer(s, id).CreatedUtc < cut).ToArray();
        var customers = await server.AllNodesAsync("q", "customers", "id", pageSize: 30, search: query);
        Assert.Equal(expectedCustomers.Select(id => Gid("Customer", id)), customers.Select(c => c.GetProperty("id").GetString()));

        var expectedProducts = store.Products.Where(p => p.CreatedUtc < cut).Select(p => Gid("Product", p.Id)).ToArray();
        var products = await server.AllNodesAsync("q", "products", "id", pageSize: 30, search: query);
        Assert.Equal(expectedProducts, products.Select(p => p.GetProperty("id").GetString()));

        var counts = await server.QueryAsync("q", "query($q: String) { ordersCount(query: $q) { count } customersCount(query: $q) { count } productsCount(query: $q) { count } }", new { q = query });
        Assert.Equal(expectedOrders.Length, counts.Data("ordersCount", "count").GetInt32());
        Assert.Equal(expectedCustomers.Length, counts.Data("customersCount", "count").GetInt32());
        Assert.Equal(expectedProducts.Length, counts.Data("productsCount", "count").GetInt32());
    }

    [Fact]
    public async Task A_count_over_its_limit_is_the_limit_AT_LEAST()
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("k"));
        var store = server.Registry.Find("shopify", "k")!.Store;
        var body = await server.QueryAsync("k", $"{{ ordersCount(limit: 5) {{ count precision }} customersCount(limit: {store.CustomerCount}) {{ count precision }} productsCount(limit: 1) {{ count precision }} }}");
        Assert.Equal((5, "AT_LEAST"), (body.Data("ordersCount", "count").GetInt32(), body.Data("ordersCount", "precision").GetString()));
        Assert.Equal((store.CustomerCount, "EXACT"), (body.Data("customersCount", "count").GetInt32(), body.Data("customersCount", "precision").GetString()));
        Assert.Equal((1, "AT_LEAST"), (body.Data("productsCount", "count").GetInt32(), body.Data("productsCount", "precision").GetString()));
    }

    [Theory]
    [InlineData("{ orders(last: 5) { nodes { id } } }", "The sandbox pages forwards only: use first/after (with reverse: true for newest first).")]
    [InlineData("{ customers(first: 5, before: \"abc\") { nodes { id } } }", "The sandbox pages forwards only: use first/after (with reverse: true for newest first).")]
    [InlineData("{ products(first: 5, after: \"not-a-cursor\") { nodes { id } } }", "Invalid cursor for current pagination sort.")]
    [InlineData("{ orders(first: 5, after: \"eyJsYXN0X2lkIjoxLCJsYXN0X3ZhbHVlIjoieCJ9\") { nodes { id } } }", "Invalid cursor for current pagination sort.")] // {"last_id":1,"last_value":"x"}
    [InlineData("{ orders(first: 5, after: \"eyJvdGhlciI6MX0=\") { nodes { id } } }", "Invalid cursor for current pagination sort.")] // {"other":1}
    public async Task Refused_paging_arguments_are_graphql_errors_with_shopifys_words(string query, string message)
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("e"));
        var body = await server.QueryAsync("e", query);
        Assert.Equal(message, body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Write_orders_grants_reading_orders_as_on_shopify_but_no_other_resource()
    {
        var options = ShopifyOrderNodeTests.UnthrottledStore("w");
        options.Shopify.Scopes = ["write_orders", "read_all_orders"];
        await using var server = await SandboxServer.StartAsync(options);
        var body = await server.QueryAsync("w", "{ ordersCount { count } }");
        Assert.Equal(server.Registry.Find("shopify", "w")!.Store.Current.OrderCount, body.Data("ordersCount", "count").GetInt32());
        var products = await server.QueryAsync("w", "{ productsCount { count } }");
        Assert.Equal("ACCESS_DENIED", products.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Shop_details_and_no_current_mutation_bulk_operation()
    {
        await using var server = await SandboxServer.StartAsync(ShopifyOrderNodeTests.UnthrottledStore("big-corner-shop"));
        var body = await server.QueryAsync("big-corner-shop", "{ shop { id name myshopifyDomain email plan { partnerDevelopment shopifyPlus publicDisplayName } } currentBulkOperation(type: MUTATION) { id } }");
        var shop = body.Data("shop");
        Assert.Equal("Big Corner Shop", shop.GetProperty("name").GetString());
        Assert.Equal("big-corner-shop.myshopify.com", shop.GetProperty("myshopifyDomain").GetString());
        Assert.Equal("owner@big-corner-shop.example", shop.GetProperty("email").GetString());
        Assert.StartsWith("gid://shopify/Shop/", shop.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("Development", shop.GetProperty("plan").GetProperty("publicDisplayName").GetString());
        Assert.Equal(JsonValueKind.Null, body.Data("currentBulkOperation").ValueKind);
    }
}
