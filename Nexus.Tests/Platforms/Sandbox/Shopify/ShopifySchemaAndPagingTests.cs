using System.Net;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

public class ShopifySchemaAndPagingTests
{
    [Fact]
    public async Task Connection_test_query_answers_with_the_shop_and_the_granted_scopes()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("demo-shop"));
        var body = await server.QueryAsync("demo-shop", "{ shop { name currencyCode ianaTimezone } currentAppInstallation { accessScopes { handle } } }");
        var shop = body.Data("shop");
        Assert.Equal("Demo Shop", shop.GetProperty("name").GetString());
        Assert.Equal("USD", shop.GetProperty("currencyCode").GetString());
        Assert.False(string.IsNullOrEmpty(shop.GetProperty("ianaTimezone").GetString()));
        var scopes = body.Data("currentAppInstallation", "accessScopes").EnumerateArray().Select(s => s.GetProperty("handle").GetString()).ToArray();
        Assert.Equal(new[] { "read_orders", "read_all_orders", "read_customers", "read_products" }, scopes!);
    }

    [Fact]
    public async Task Cursor_paging_reaches_exactly_the_generated_orders_customers_and_products()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("p"));
        var store = server.Registry.Find("shopify", "p")!.Store;
        var orders = await server.AllNodesAsync("p", "orders", "id legacyResourceId", pageSize: 40);
        var expectedOrders = Enumerable.Range(0, store.Current.OrderCount).Select(i => $"gid://shopify/Order/{OrderFactory.OrderId(i)}").ToArray();
        Assert.Equal(expectedOrders, orders.Select(o => o.GetProperty("id").GetString()).ToArray());
        Assert.Equal(orders.Select(o => o.GetProperty("id").GetString()!.Split('/')[^1]), orders.Select(o => o.GetProperty("legacyResourceId").GetString()));

        var customers = await server.AllNodesAsync("p", "customers", "id", pageSize: 7);
        Assert.Equal(Enumerable.Range(1, store.CustomerCount).Select(id => $"gid://shopify/Customer/{id}"), customers.Select(c => c.GetProperty("id").GetString()));
        var products = await server.AllNodesAsync("p", "products", "id", pageSize: 6, sortKey: "UPDATED_AT");
        Assert.Equal(store.Products.OrderBy(p => p.ModifiedUtc).ThenBy(p => p.Id).Select(p => $"gid://shopify/Product/{p.Id}"),
            products.Select(p => p.GetProperty("id").GetString()));

        var count = await server.QueryAsync("p", "{ ordersCount { count precision } customersCount { count } productsCount { count } }");
        Assert.Equal(store.Current.OrderCount, count.Data("ordersCount", "count").GetInt32());
        Assert.Equal("EXACT", count.Data("ordersCount", "precision").GetString());
        Assert.Equal(store.CustomerCount, count.Data("customersCount", "count").GetInt32());
        Assert.Equal(store.Products.Count, count.Data("productsCount", "count").GetInt32());
    }
}
