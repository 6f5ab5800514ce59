using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Platforms.WooCommerce.Dto;

namespace Nexus.Tests.Platforms.Sandbox;

/// <summary>
/// The sandbox's JSON must have every property the published WooCommerce examples have, recursively, with the
/// same JSON kind. Shapes are collected as paths ("line_items[].taxes[].total") over many sandbox records, so an
/// array that is empty on one record is checked on another. A fixture null accepts any kind. Both are then read with
/// the connector's own DTOs, so the sandbox cannot drift into a shape only it understands.
/// </summary>
public class WooFixtureShapeTests
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "woocommerce");

    private static Dictionary<string, HashSet<string>> Shapes(IEnumerable<JsonElement> records)
    {
        var shapes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Walk(JsonElement e, string path)
        {
            var kind = e.ValueKind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : e.ValueKind.ToString();
            if (!shapes.TryGetValue(path, out var kinds)) shapes[path] = kinds = [];
            kinds.Add(kind);
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Walk(item, path + "[]");
        }
        foreach (var r in records) Walk(r, "");
        return shapes;
    }

    private static IEnumerable<JsonElement> Fixture(string file)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDir, file))).RootElement.Clone();
        return root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToArray() : [root];
    }

    private static void AssertCovers(IEnumerable<JsonElement> fixture, IEnumerable<JsonElement> sandbox)
    {
        var expected = Shapes(fixture);
        var actual = Shapes(sandbox);
        var problems = new List<string>();
        foreach (var (path, kinds) in expected)
        {
            if (path.Length == 0) continue;
            if (!actual.TryGetValue(path, out var got)) { problems.Add($"missing {path}"); continue; }
            foreach (var kind in kinds.Where(k => k != "Null"))
                if (!got.Contains(kind)) problems.Add($"{path}: fixture {kind}, sandbox {string.Join("/", got)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The real payload and the sandbox's are read by the connector's own DTOs, and both carry an id.</summary>
    private static void AssertSameDtosRead<T>(IEnumerable<JsonElement> fixture, IEnumerable<JsonElement> sandbox, JsonTypeInfo<T> dto, Func<T, long?> id)
    {
        foreach (var (source, element) in fixture.Select(e => ("fixture", e)).Concat(sandbox.Select(e => ("sandbox", e))))
        {
            var read = element.Deserialize(dto);
            Assert.True(read is not null, $"{source} {typeof(T).Name} did not deserialise");
            Assert.True(id(read) > 0, $"{source} {typeof(T).Name} has no id after deserialising");
        }
    }

    private static async Task<JsonElement[]> GetAsync(SandboxServer server, string resource)
    {
        using var response = await server.GetBasicAsync(SandboxServer.ApiPath("s", resource));
        response.EnsureSuccessStatusCode();
        var json = await SandboxServer.JsonAsync(response);
        return json.ValueKind == JsonValueKind.Array ? json.EnumerateArray().ToArray() : [json];
    }

    [Fact]
    public async Task Sandbox_payloads_contain_every_fixture_property_with_the_same_kind()
    {
        var options = SandboxServer.Store("s");
        options.Size = SizeProfile.Small;
        await using var server = await SandboxServer.StartAsync(options);
        var store = server.Registry.Find("woocommerce", "s")!.Store;
        var s = store.Current;

        var orders = (await GetAsync(server, "orders?per_page=100")).Concat(await GetAsync(server, "orders?per_page=100&page=5")).ToArray();
        AssertCovers(Fixture("order-single.json"), orders);
        AssertSameDtosRead(Fixture("order-single.json"), orders, WooJsonContext.Default.WooOrderDto, o => o.Id);

        var customers = await GetAsync(server, "customers?per_page=50");
        AssertCovers(Fixture("customer-single.json"), customers);
        AssertSameDtosRead(Fixture("customer-single.json"), customers, WooJsonContext.Default.WooCustomerDto, c => c.Id);
        var products = await GetAsync(server, "products?per_page=100");
        AssertCovers(Fixture("product-simple.json"), products);
        AssertCovers(Fixture("product-list.json"), products);
        AssertSameDtosRead(Fixture("product-list.json"), products, WooJsonContext.Default.WooProductDto, p => p.Id);
        var coupons = await GetAsync(server, "coupons");
        AssertCovers(Fixture("coupon-single.json"), coupons);
        AssertSameDtosRead(Fixture("coupon-single.json"), coupons, WooJsonContext.Default.WooCouponDto, c => c.Id);

        var variable = store.Products.First(p => p.IsVariable);
        var variations = await GetAsync(server, $"products/{variable.Id}/variations");
        AssertCovers(Fixture("product-variation-single.json"), variations);
        AssertSameDtosRead(Fixture("product-variation-single.json"), variations, WooJsonContext.Default.WooVariationDto, v => v.Id);

        var refunded = Enumerable.Range(0, s.OrderCount).Select(i => store.Order(s, i)).Where(o => o.Refunds.Count > 0).Take(5).ToArray();
        Assert.NotEmpty(refunded);
        var refunds = new List<JsonElement>();
        foreach (var o in refunded) refunds.AddRange(await GetAsync(server, $"orders/{o.Id}/refunds"));
        AssertCovers(Fixture("refund-list.json"), refunds);
        AssertSameDtosRead(Fixture("refund-list.json"), refunds, WooJsonContext.Default.WooRefundDto, r => r.Id);
        // The single-item endpoints serve the same shape as the lists.
        var singles = new List<JsonElement>();
        foreach (var o in orders.Take(40)) singles.AddRange(await GetAsync(server, $"orders/{o.GetProperty("id").GetInt32()}"));
        AssertCovers(Fixture("order-single.json"), singles);
        AssertCovers(Fixture("refund-list.json"), await GetAsync(server, $"orders/{refunded[0].Id}/refunds/{refunded[0].Refunds[0].Id}"));
    }

    [Fact]
    public async Task Error_body_has_the_published_shape()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("s"));
        var error = await GetErrorAsync(server);
        AssertCovers(Fixture("error-404-rest-no-route.json"), [error]);
        Assert.Equal(Fixture("error-404-rest-no-route.json").Single().GetProperty("code").GetString(), error.GetProperty("code").GetString());
    }

    private static async Task<JsonElement> GetErrorAsync(SandboxServer server)
    {
        using var response = await server.GetBasicAsync(SandboxServer.ApiPath("s", "no-such-thing"));
        return await SandboxServer.JsonAsync(response);
    }
}
