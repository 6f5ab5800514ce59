using System.Net;
using Nexus.Web.Sandbox.Behaviour;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

public class ShopifyProtocolTests
{
    [Fact]
    public async Task A_wrong_or_missing_token_gets_Shopifys_401()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("a"));
        foreach (var token in new[] { "shpat_wrong", null })
        {
            using var response = await server.PostAsync("a", "{ shop { name } }", token: token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await SandboxServer.JsonAsync(response);
            Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)", body.GetProperty("errors").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_version_is_not_found_and_a_retired_one_falls_forward_to_the_oldest()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("v"));
        foreach (var version in new[] { "2099-01", "2026-13", "latest" })
        {
            using var missing = await server.PostAsync("v", "{ shop { name } }", version: version);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("Not Found", (await SandboxServer.JsonAsync(missing)).GetProperty("errors").GetString());
        }
        using var retired = await server.PostAsync("v", "{ shop { name } }", version: "2023-04");
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal("2025-07", retired.Headers.GetValues("X-Shopify-API-Version").Single());
        using var current = await server.PostAsync("v", "{ shop { name } }", version: "2026-04");
        Assert.Equal("2026-04", current.Headers.GetValues("X-Shopify-API-Version").Single());
    }

    [Theory]
    [InlineData(FaultKind.ServerError, 500)]
    [InlineData(FaultKind.BadGateway, 502)]
    [InlineData(FaultKind.ServiceUnavailable, 503)]
    [InlineData(FaultKind.HtmlErrorPage, 200)]
    public async Task Outages_are_HTML_pages_not_GraphQL(FaultKind fault, int status)
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("o"));
        server.Registry.Find("shopify", "o")!.Faults.Enqueue(fault);
        using var response = await server.PostAsync("o", "{ shop { name } }");
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("There was a problem loading this website", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var next = await server.PostAsync("o", "{ shop { name } }");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Truncated_bodies_and_wrong_content_types_are_served_when_scripted()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("x"));
        var faults = server.Registry.Find("shopify", "x")!.Faults;
        faults.Enqueue(FaultKind.TruncatedJson);
        faults.Enqueue(FaultKind.WrongContentType);
        using var truncated = await server.PostAsync("x", "{ orders(first: 5) { nodes { id } } }");
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(truncated.Content.ReadAsStream()));
        using var html = await server.PostAsync("x", "{ shop { name } }");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Equal("X", (await SandboxServer.JsonAsync(html)).GetProperty("data").GetProperty("shop").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_missing_scope_is_ACCESS_DENIED_naming_the_scope()
    {
        var options = ShopifySandbox.Store("d");
        options.Shopify.Scopes = ["read_orders", "read_all_orders"];
        await using var server = await SandboxServer.StartAsync(options);
        var body = await server.QueryAsync("d", "{ customers(first: 5) { nodes { id } } }");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("ACCESS_DENIED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Access denied for customers field. Required access: `read_customers` access scope.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_read_all_orders_only_the_last_60_days_of_orders_are_visible()
    {
        var options = ShopifySandbox.Store("w");
        options.Shopify.Scopes = ["read_orders", "read_customers", "read_products"];
        await using var server = await SandboxServer.StartAsync(options);
        var store = server.Registry.Find("shopify", "w")!.Store;
        var cutoff = store.Current.NowUtc.AddDays(-60);
        var expected = Enumerable.Range(0, store.Current.OrderCount).Where(i => store.Current.OrderCreatedUtc(i) >= cutoff)
            .Select(i => $"gid://shopify/Order/{Nexus.Core.Platforms.Sandbox.Generation.OrderFactory.OrderId(i)}").ToArray();
        Assert.InRange(expected.Length, 1, store.Current.OrderCount - 1);
        var visible = await server.AllNodesAsync("w", "orders", "id", pageSize: 25);
        Assert.Equal(expected, visible.Select(o => o.GetProperty("id").GetString()!).ToArray());
        var byUpdate = await server.AllNodesAsync("w", "orders", "id", pageSize: 25, sortKey: "UPDATED_AT");
        Assert.Equal(expected.Order(), byUpdate.Select(o => o.GetProperty("id").GetString()!).Order());
        var count = await server.QueryAsync("w", "{ ordersCount { count } }");
        Assert.Equal(expected.Length, count.Data("ordersCount", "count").GetInt32());
        var old = await server.QueryAsync("w", $"{{ order(id: \"gid://shopify/Order/{Nexus.Core.Platforms.Sandbox.Generation.OrderFactory.OrderId(0)}\") {{ id }} }}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, old.Data("order").ValueKind);
    }

    [Fact]
    public async Task The_updated_at_filter_returns_exactly_what_changed_after_the_clock_advances()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("u"));
        var store = server.Registry.Find("shopify", "u")!.Store;
        var before = store.Current.NowUtc;
        var advance = store.AdvanceDays(3);
        Assert.NotEmpty(advance.ChangedOrderIds);
        var since = before.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var changed = await server.AllNodesAsync("u", "orders", "id updatedAt", pageSize: 10, search: $"updated_at:>='{since}'", sortKey: "UPDATED_AT");
        Assert.Equal(advance.ChangedOrderIds.Select(id => $"gid://shopify/Order/{id}").Order(), changed.Select(o => o.GetProperty("id").GetString()!).Order());
        var times = changed.Select(o => DateTimeOffset.Parse(o.GetProperty("updatedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(times.Order(), times); // sortKey: UPDATED_AT
        Assert.All(times, t => Assert.True(t >= before));

        var customers = await server.AllNodesAsync("u", "customers", "id", pageSize: 10, search: $"updated_at:>'{since}'");
        Assert.Equal(advance.ChangedCustomerIds.Select(id => $"gid://shopify/Customer/{id}").Order(), customers.Select(c => c.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task An_unknown_search_field_is_ignored_with_a_warning()
    {
        await using var server = await SandboxServer.StartAsync(ShopifySandbox.Store("q"));
        var body = await server.QueryAsync("q", "{ orders(first: 1, query: \"colour:red\") { nodes { id } } }");
        var warning = body.GetProperty("extensions").GetProperty("search")[0];
        Assert.Equal("colour:red", warning.GetProperty("query").GetString());
        Assert.Contains("colour", warning.GetProperty("warnings")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
