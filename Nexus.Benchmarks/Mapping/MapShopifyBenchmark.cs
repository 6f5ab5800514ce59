using System.Globalization;
using GraphQL.SystemTextJson;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Web.Sandbox.Shopify;
using Nexus.Core.Platforms.Shopify;
using Nexus.Benchmarks.Platforms.Shopify;

namespace Nexus.Benchmarks.Mapping;

/// <summary>
/// <c>bench map-shopify</c>: <see cref="ShopifyMappingBenchmark"/> over the Shopify sandbox's own responses: order
/// pages from its GraphQL endpoint's executor and the JSON Lines file of a bulk operation over the same orders and
/// fields, each against plain System.Text.Json deserialisation of the same bytes.
/// </summary>
public sealed class MapShopifyBenchmark : IBenchmark
{
    public const int DefaultOrders = 2_000;
    private const int SmokeRunOrders = 1_000;
    private const int Seed = 42;
    private const int PerPage = 100;

    /// <summary>What a sync asks for per order: totals, status, customer, addresses, taxes, refunds, lines, shipping.</summary>
    public const string OrderFields = """
        id legacyResourceId name email createdAt updatedAt processedAt closedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
        currencyCode presentmentCurrencyCode taxesIncluded discountCodes paymentGatewayNames note
        totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        totalTaxSet { shopMoney { amount currencyCode } } totalDiscountsSet { shopMoney { amount currencyCode } }
        totalShippingPriceSet { shopMoney { amount currencyCode } }
        customer { id } billingAddress { firstName lastName address1 city provinceCode zip countryCodeV2 phone }
        taxLines { title ratePercentage priceSet { shopMoney { amount currencyCode } } }
        refunds { id createdAt note totalRefundedSet { shopMoney { amount currencyCode } } }
        """;

    public const string LineFields =
        "id name sku quantity product { id } variant { id } originalUnitPriceSet { shopMoney { amount currencyCode } } originalTotalSet { shopMoney { amount currencyCode } } discountedTotalSet { shopMoney { amount currencyCode } } taxLines { title priceSet { shopMoney { amount currencyCode } } }";

    public const string ShippingFields = "id title code discountedPriceSet { shopMoney { amount currencyCode } } taxLines { title priceSet { shopMoney { amount currencyCode } } }";

    public string Name => "map-shopify";

    public string Description =>
        "Shopify GraphQL order pages and bulk JSON Lines → canonical orders (orders/s, one core) vs plain System.Text.Json deserialisation of the same bytes (--size sets orders)";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var orders = options.Size ?? DefaultOrders;
        options.Progress?.Report($"rendering {orders:N0} sandbox orders as Shopify GraphQL pages and a bulk JSON Lines file (seed {Seed})…");
        var (pages, jsonLines, count) = await RenderAsync(orders, cancellationToken);

        options.Progress?.Report("mapping vs plain deserialisation (interleaved rounds, best of 7)…");
        var warmUp = orders < SmokeRunOrders ? TimeSpan.Zero : TimeSpan.FromSeconds(8);
        var result = await ShopifyMappingBenchmark.RunAsync(pages, jsonLines, iterations: 7, warmUp, cancellationToken);

        var figures = new List<BenchmarkFigure>
        {
            new("GraphQL pages mapped (per-record mapper)", result.PageMappedPerSecond, "orders/s", result.PagePlainPerSecond, "plain Deserialize<ShopifyOrdersResponseDto> of the same pages"),
            new("bulk JSON Lines mapped (reassemble + mapper)", result.BulkMappedPerSecond, "orders/s", result.BulkPlainPerSecond, "plain Deserialize<ShopifyBulkLineDto> of every line"),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"target ≥ 50 % of plain deserialisation: pages {(result.PageRatio >= 0.5 ? "met" : "NOT met")} ({result.PageRatio:P0}), bulk {(result.BulkRatio >= 0.5 ? "met" : "NOT met")} ({result.BulkRatio:P0})"),
            "single-threaded; best round of each path after the warm-up",
        };
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} sandbox orders (seed {Seed}, no defects): {pages.Count} GraphQL pages of {PerPage}, {result.PageBytes:N0} bytes; bulk file {result.BulkBytes:N0} bytes");
        return new BenchmarkResult(Name, workload, figures, notes);
    }

    /// <summary>Pages and the bulk file of the same defect-free orders, straight from the sandbox's GraphQL executor.</summary>
    public static async Task<(IReadOnlyList<byte[]> Pages, byte[] JsonLines, int Orders)> RenderAsync(int orders, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orders, 1);
        var spec = new SizeSpec(Math.Max(50, orders / 10), 100, orders + orders / 10 + 50, 8, 760);
        var store = new SandboxStoreOptions
        {
            Name = "bench-shop", Platform = "shopify", Seed = Seed, Spec = spec, Currency = "USD", DefectRate = 0,
            StartUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        store.Shopify.BulkStartDelay = TimeSpan.Zero;
        var shop = ShopifyShopState.Of(new SandboxStoreHost(store, TimeProvider.System));
        const string SiteRoot = "https://bench-shop.myshopify.com";
        var total = Math.Min(orders, shop.Host.Store.Current.OrderCount);

        var pages = new List<byte[]>();
        string? after = null;
        for (var taken = 0; taken < total; taken += PerPage)
        {
            var size = Math.Min(PerPage, total - taken);
            var afterArgument = after is null ? "" : $", after: \"{after}\"";
            var query = $"{{ orders(first: {size}{afterArgument}) {{ nodes {{ {OrderFields} lineItems(first: 10) {{ nodes {{ {LineFields} }} }} shippingLines(first: 5) {{ nodes {{ {ShippingFields} }} }} }} pageInfo {{ endCursor }} }} }}";
            var result = await ShopifySchemaFactory.ExecuteAsync(GraphQLParser.Parser.Parse(query), query, null, null, new ShopifyRequest(shop, SiteRoot), cancellationToken);
            var bytes = System.Text.Encoding.UTF8.GetBytes(ShopifySchemaFactory.Serializer.Serialize(result));
            pages.Add(bytes);
            using var page = System.Text.Json.JsonDocument.Parse(bytes);
            after = page.RootElement.GetProperty("data").GetProperty("orders").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        // The bulk file covers the whole store; keep its first `total` orders so both paths hold the same ones.
        var inner = $"{{ orders {{ edges {{ node {{ {OrderFields} lineItems {{ edges {{ node {{ {LineFields} }} }} }} shippingLines {{ edges {{ node {{ {ShippingFields} }} }} }} }} }} }} }}";
        shop.Bulk.Run(inner, new ShopifyRequest(shop, SiteRoot));
        var path = await shop.Bulk.LatestResultPathAsync() ?? throw new InvalidOperationException("The sandbox bulk operation wrote no file.");
        var kept = new List<string>();
        var roots = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.Contains("\"__parentId\"", StringComparison.Ordinal) && ++roots > total) break;
            kept.Add(line);
        }
        return (pages, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n"), total);
    }
}
