using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Resilience;
using Polly;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// Shopify Admin GraphQL connector: cursor-paged connections (sorted by ID for a full sync, by UPDATED_AT with an
/// <c>updated_at:&gt;=</c> search for an incremental one), page sizes fitted to the query cost cap and the bucket, line
/// items and variants followed past their first page, mapped by the Shopify mappers. The bucket wait, retries and
/// error wording live in <see cref="ShopifyGraphQLClient"/> and the shared pipeline.
/// </summary>
public sealed class ShopifyConnector : IStoreConnector
{
    public const string PlatformId = "shopify";
    public const string TokenField = "access_token";

    /// <summary>Line items or variants per follow-up page of one record: about 12 points each, so ~600 points a page.</summary>
    public const int MorePageSize = 50;

    private readonly ShopifyConnectorOptions _options;
    private readonly ShopifyGraphQLClient _api;
    private readonly ShopifyCostBucket _bucket;
    private readonly RequestCounters _counters = new();
    private readonly ShopifyMappingOptions _mapping;
    private readonly ShopifyPageSizer _customers, _products, _orders;
    private readonly SemaphoreSlim _factsGate = new(1, 1);
    private readonly TimeProvider _time;
    private string? _currency;

    /// <summary>For tests and one-off use: a private budget, pipeline and bucket for this connector.</summary>
    public ShopifyConnector(HttpClient http, ConnectorTarget target, ShopifyConnectorOptions options, TimeProvider time)
        : this(http, target, options, time, new RequestBudget(options.RequestsPerMinute, time), ConnectorPipelineFactory.Build(options.Resilience, time), new ShopifyCostBucket(time))
    {
    }

    /// <param name="budget">The store's shared request budget (from <see cref="RequestBudgetRegistry"/>).</param>
    /// <param name="pipeline">The store's pipeline (from <see cref="ConnectorPipelineFactory"/>).</param>
    /// <param name="bucket">The store's cost bucket (from <see cref="ShopifyCostBuckets"/>).</param>
    public ShopifyConnector(HttpClient http, ConnectorTarget target, ShopifyConnectorOptions options, TimeProvider time,
        RequestBudget budget, ResiliencePipeline<HttpResponseMessage> pipeline, ShopifyCostBucket bucket)
    {
        _options = options;
        _bucket = bucket;
        _time = time;
        var (shop, version) = ShopifyAddress.Parse(target.BaseUrl, options.ApiVersion);
        ApiVersion = version;
        _mapping = new ShopifyMappingOptions(shop);
        _api = new ShopifyGraphQLClient(http, new Uri(shop, $"admin/api/{version}/graphql.json"), target.Credentials[TokenField], bucket, budget, pipeline,
            _counters, time, options.Resilience, options.BodyLimits);
        (_customers, _products, _orders) = (new(options.CustomersPageSize), new(options.ProductsPageSize), new(options.OrdersPageSize));
    }

    public string Platform => PlatformId;

    public string ApiVersion { get; }

    /// <summary>Shopify pages by opaque cursors: each page says where the next one starts.</summary>
    public PagingStyle Paging => PagingStyle.Cursor;

    public ConnectorStats Stats => _counters.Snapshot();

    /// <summary>Every Shopify listing takes <c>updated_at</c> in its search syntax.</summary>
    public bool SupportsModifiedFilter(SyncEntity entity) => true;

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) =>
        new ShopifyConnectionTester(_api, ApiVersion, _time).TestAsync(cancellationToken);

    public async Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var mapper = new ShopifyCustomerMapper(_mapping);
        var page = await PageAsync("customers", request, _customers, ShopifyQueries.Customers, cancellationToken).ConfigureAwait(false);
        return Fetched(request, page, ShopifyPageMapper.Map(page.Body, "customers", mapper.Map, ShopifyCustomerMapper.EntityType));
    }

    public async Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var mapper = new ShopifyProductMapper(_mapping, await CurrencyAsync(cancellationToken).ConfigureAwait(false));
        var page = await PageAsync("products", request, _products, sort => ShopifyQueries.Products(sort, _options.NestedPageSize), cancellationToken).ConfigureAwait(false);
        var body = await ShopifyNestedPages.CompleteAsync(page.Body, "products", "variants", (id, after, ct) => MoreAsync(ShopifyQueries.MoreVariants(MorePageSize), "product", "variants", id, after, ct),
            cancellationToken).ConfigureAwait(false);
        return Fetched(request, page, ShopifyPageMapper.Map(body, "products", mapper.Map, ShopifyProductMapper.EntityType));
    }

    public async Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var mapper = new ShopifyOrderMapper(_mapping);
        var page = await PageAsync("orders", request, _orders, sort => ShopifyQueries.Orders(sort, _options.NestedPageSize), cancellationToken).ConfigureAwait(false);
        var body = await ShopifyNestedPages.CompleteAsync(page.Body, "orders",
            [
                new ShopifyNestedConnection("lineItems", (id, after, ct) => MoreAsync(ShopifyQueries.MoreLineItems(MorePageSize), "order", "lineItems", id, after, ct)),
                new ShopifyNestedConnection("refundLineItems", (id, after, ct) => MoreAsync(ShopifyQueries.MoreRefundLines(MorePageSize), "refund", "refundLineItems", id, after, ct), List: "refunds"),
            ],
            cancellationToken).ConfigureAwait(false);
        return Fetched(request, page, ShopifyPageMapper.Map(body, "orders", mapper.Map, ShopifyOrderMapper.EntityType));
    }

    private static FetchedPage<T> Fetched<T>(PageRequest request, ShopifyPage page, MappedPage<T> mapped) =>
        new(request.Token, page.HasNextPage ? ShopifyCursor.Write(page.SortKey, page.EndCursor!) : null, page.Count, mapped.Mapped, mapped.Quarantined);

    /// <summary>One page of a listing, sized from what the previous one cost, read and shape-checked inside the pipeline.</summary>
    private async Task<ShopifyPage> PageAsync(string connection, PageRequest request, ShopifyPageSizer sizer, Func<string, string> query, CancellationToken cancellationToken)
    {
        var (sortKey, after) = ShopifyCursor.Read(request.Token, request.ModifiedAfter is not null);
        var what = after is null ? $"{connection}, first page" : $"{connection} after cursor {after}";
        for (var attempt = 1; ; attempt++)
        {
            sizer.BucketMaximum = _bucket.Status?.Maximum;
            var first = sizer.PageSize;
            var variables = new Dictionary<string, object?>
            {
                ["first"] = first, ["after"] = after, ["q"] = request.ModifiedAfter is { } since ? ShopifyQueries.UpdatedSince(since) : null,
            };
            try
            {
                var page = await _api.QueryAsync(query(sortKey), variables, sizer.ExpectedCost, what, body => ShopifyPage.Read(body, connection, sortKey), cancellationToken)
                    .ConfigureAwait(false);
                sizer.Observe(first, page.RequestedCost);
                return page;
            }
            catch (ShopifyQueryTooCostlyException ex) when (ex.Cost is { } cost && first > 1 && attempt < 3)
            {
                sizer.Observe(first, cost); // the refusal says what the page would cost: size the next try by it
            }
        }
    }

    /// <summary>The next page of one record's nested connection (line items of an order, lines of a refund, variants of a product).</summary>
    private Task<ShopifyNestedPage> MoreAsync(string query, string owner, string connection, string id, string? after, CancellationToken cancellationToken) =>
        _api.QueryAsync(query, new Dictionary<string, object?> { ["id"] = id, ["after"] = after }, 0, $"{connection} of {owner} {id}",
            body => ShopifyNestedPage.Read(body, owner, connection), cancellationToken);

    /// <summary>Product prices carry no currency: the shop's is read once per connector.</summary>
    private async Task<string> CurrencyAsync(CancellationToken cancellationToken)
    {
        if (_currency is { } ready) return ready;
        await _factsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _currency ??= await _api.QueryAsync("{ shop { currencyCode } }", null, 2, "the shop's currency",
                body => JsonPageMapper.ValueAt(body, "data.shop.currencyCode")?.GetString()
                        ?? throw new MalformedPageException("The answer has no data.shop.currencyCode.", 0), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _factsGate.Release();
        }
    }
}

/// <summary>
/// The continuation token: the sort key the cursor belongs to and Shopify's opaque cursor ("ID:eyJsYXN0…"). Cursors
/// are only valid for their own sort, so a resumed run keeps the sort it started with.
/// </summary>
public static class ShopifyCursor
{
    public static string Write(string sortKey, string cursor) => $"{sortKey}:{cursor}";

    public static (string SortKey, string? After) Read(string? token, bool incremental)
    {
        if (token is null) return (incremental ? "UPDATED_AT" : "ID", null);
        var colon = token.IndexOf(':');
        var sort = colon > 0 ? token[..colon] : null;
        if (sort is not ("ID" or "UPDATED_AT") || colon == token.Length - 1)
            throw new ConnectorException($"The saved sync position '{token}' is not a Shopify cursor; run a full sync to start over.");
        return (sort, token[(colon + 1)..]);
    }
}

/// <summary>A listing page's body and paging facts: whether more follow, where, the listing's count, the query's cost.</summary>
public sealed record ShopifyPage(byte[] Body, string SortKey, bool HasNextPage, string? EndCursor, long? Count, double RequestedCost)
{
    /// <exception cref="MalformedPageException">No <c>data.{connection}</c> with pageInfo (the pipeline retries it).</exception>
    public static ShopifyPage Read(byte[] body, string connection, string sortKey)
    {
        using var document = ParseOrThrow(body, connection);
        var root = document.RootElement;
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(connection, out var page)
            || page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("pageInfo", out var info) || info.ValueKind != JsonValueKind.Object)
            throw new MalformedPageException($"The answer has no data.{connection} page.", 0);
        var hasNext = info.TryGetProperty("hasNextPage", out var h) && h.ValueKind == JsonValueKind.True;
        var end = info.TryGetProperty("endCursor", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (hasNext && string.IsNullOrEmpty(end)) throw new MalformedPageException($"The {connection} page says more follow but gives no cursor.", 0);
        long? count = data.TryGetProperty(connection + "Count", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("count", out var n)
                      && n.ValueKind == JsonValueKind.Number ? n.GetInt64() : null;
        var cost = root.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object && x.TryGetProperty("cost", out var k)
                   && k.ValueKind == JsonValueKind.Object && k.TryGetProperty("requestedQueryCost", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 0;
        return new ShopifyPage(body, sortKey, hasNext, end, count, cost);
    }

    internal static JsonDocument ParseOrThrow(byte[] body, string what)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new MalformedPageException($"The {what} answer is not valid JSON: {ex.Message}", ex.BytePositionInLine ?? 0, ex);
        }
    }
}
