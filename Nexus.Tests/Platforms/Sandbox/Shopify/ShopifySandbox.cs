using System.Net.Http.Json;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Tests.Platforms.Sandbox.Shopify;

/// <summary>Shopify sandbox stores on a real loopback server, and GraphQL POSTs the way a connector sends them.</summary>
internal static class ShopifySandbox
{
    public const string Token = "shpat_test_token";
    public const string Version = "2026-01";

    public static SandboxStoreOptions Store(string name, long seed = 7, SizeProfile size = SizeProfile.Tiny)
    {
        var options = new SandboxStoreOptions
        {
            Name = name, Platform = "shopify", Seed = seed, Size = size, StartUtc = SandboxServer.Start.UtcDateTime, Currency = "USD",
        };
        options.Shopify.AccessToken = Token;
        return options;
    }

    public static string Endpoint(string store, string version = Version) => $"/sandbox/shopify/{store}/admin/api/{version}/graphql.json";

    public static Task<HttpResponseMessage> PostAsync(this SandboxServer server, string store, string query, object? variables = null,
        string version = Version, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(store, version))
        {
            Content = JsonContent.Create(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables }),
        };
        if (token is not null) request.Headers.Add("X-Shopify-Access-Token", token);
        return server.Http.SendAsync(request);
    }

    /// <summary>POSTs and returns the parsed body, failing the test on a non-200 answer.</summary>
    public static async Task<JsonElement> QueryAsync(this SandboxServer server, string store, string query, object? variables = null)
    {
        using var response = await server.PostAsync(store, query, variables);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonElement Data(this JsonElement body, params string[] path)
    {
        Assert.False(body.TryGetProperty("errors", out var errors), "unexpected errors: " + (errors.ValueKind == JsonValueKind.Undefined ? "" : errors.GetRawText()));
        var element = body.GetProperty("data");
        foreach (var step in path) element = element.GetProperty(step);
        return element;
    }

    /// <summary>Every node of a top-level connection, page by page, as a connector walks it.</summary>
    public static async Task<List<JsonElement>> AllNodesAsync(this SandboxServer server, string store, string connection, string nodeFields,
        int pageSize = 50, string? search = null, string sortKey = "ID")
    {
        var nodes = new List<JsonElement>();
        string? after = null;
        var query = $"query($first: Int!, $after: String, $q: String) {{ {connection}(first: $first, after: $after, query: $q, sortKey: {sortKey}) {{ nodes {{ {nodeFields} }} pageInfo {{ hasNextPage endCursor }} }} }}";
        while (true)
        {
            var body = await server.QueryAsync(store, query, new { first = pageSize, after, q = search });
            var page = body.Data(connection);
            nodes.AddRange(page.GetProperty("nodes").EnumerateArray());
            var info = page.GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean()) return nodes;
            after = info.GetProperty("endCursor").GetString();
        }
    }
}
