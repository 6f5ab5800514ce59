using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Resilience;
using Polly;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>
/// Magento 2 / Adobe Commerce REST connector: <c>/rest/{store_code}/V1/…</c> searches paged with searchCriteria
/// (pageSize, currentPage, always sorted: entity_id for full syncs, updated_at then entity_id for incremental ones),
/// records read from <c>items</c> with the Magento mappers, configurable children attached as variants and credit memos
/// attached to their orders as refunds. Auth, budget, retries (5xx, 429) and error wording go through the shared
/// <see cref="ConnectorHttpClient"/>; this class adds only addresses, paging and mapping.
/// </summary>
public sealed class MagentoConnector : IStoreConnector
{
    public const string PlatformId = "magento";
    private static readonly PageEnvelope Items = PageEnvelope.At("items");
    private readonly MagentoConnectorOptions _options;
    private readonly ConnectorHttpClient _http;
    private readonly MagentoRequestAuthenticator _auth;
    private readonly RequestCounters _counters = new();
    private readonly MagentoRepeatedPageGuard _repeats = new();
    private readonly SemaphoreSlim _factsGate = new(1, 1);
    private readonly Uri _storeUrl;
    private readonly string _storeCode;
    private MagentoMappers? _mappers;

    /// <summary>For tests and one-off use: a private budget and pipeline for this connector.</summary>
    public MagentoConnector(HttpClient http, ConnectorTarget target, MagentoConnectorOptions options, TimeProvider time)
        : this(http, target, options, time, new RequestBudget(options.RequestsPerMinute, time), ConnectorPipelineFactory.Build(options.Resilience, time))
    {
    }

    public MagentoConnector(HttpClient http, ConnectorTarget target, MagentoConnectorOptions options, TimeProvider time,
        RequestBudget budget, ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, 1000);
        _options = options;
        _storeUrl = new Uri(target.BaseUrl.TrimEnd('/') + "/");
        _storeCode = MagentoCredentials.StoreCodeOf(target.Credentials);
        ApiRoot = new Uri(_storeUrl, $"rest/{Uri.EscapeDataString(_storeCode)}/V1/");
        _auth = new MagentoRequestAuthenticator(target.Credentials, time);
        var profile = new ConnectorHttpProfile
        {
            CreateGet = _auth.CreateGet,
            ExplainError = async (response, ct) => (await MagentoApiError.ReadAsync(response, options.BodyLimits, ct).ConfigureAwait(false)).Explain(_auth.UsesBearer),
        };
        _http = new ConnectorHttpClient(http, profile, budget, pipeline, _counters, time, options.Resilience, options.BodyLimits);
        Tester = new MagentoConnectionTester(_http, _storeUrl, _storeCode, _auth.UsesBearer, options.Resilience.AttemptTimeout, time);
    }

    public Uri ApiRoot { get; }

    public MagentoConnectionTester Tester { get; }

    public string Platform => PlatformId;

    /// <summary>Pages are numbered (currentPage) and total_count gives their number, so the sync fetches several at once.</summary>
    public PagingStyle Paging => PagingStyle.Numbered;

    public ConnectorStats Stats => _counters.Snapshot();

    /// <summary>Every Magento search filters on updated_at.</summary>
    public bool SupportsModifiedFilter(SyncEntity entity) => true;

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) => Tester.TestAsync(cancellationToken);

    public async Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var mappers = await MappersAsync(cancellationToken).ConfigureAwait(false);
        var list = await ListAsync("customers/search", "customers", request, mappers.Customers, c => c.PlatformId, cancellationToken).ConfigureAwait(false);
        return list.Page(list.Mapped.Mapped, list.Mapped.Quarantined);
    }

    public async Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var mappers = await MappersAsync(cancellationToken).ConfigureAwait(false);
        var list = await ListAsync("products", "products", request, mappers.Products, p => p.PlatformId, cancellationToken).ConfigureAwait(false);
        var products = new List<Product>(list.Mapped.Mapped.Count);
        var quarantined = list.Mapped.Quarantined.ToList();
        foreach (var product in list.Mapped.Mapped)
        {
            if (product.Type != ProductType.Variable || product.Sku is not { Length: > 0 } sku)
            {
                products.Add(product);
                continue;
            }
            var variants = await _http.GetAsync(new Uri(ApiRoot, $"configurable-products/{Uri.EscapeDataString(sku)}/children"), $"children of product {product.PlatformId}",
                (body, ct) => JsonPageMapper.MapAsync(body, PageEnvelope.TopLevelArray, mappers.Variants(product), ct), cancellationToken).ConfigureAwait(false);
            quarantined.AddRange(variants.Value.Quarantined);
            products.Add(product with { Variants = variants.Value.Mapped });
        }
        return list.Page(products, quarantined);
    }

    public async Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var mappers = await MappersAsync(cancellationToken).ConfigureAwait(false);
        var list = await ListAsync("orders", "orders", request, mappers.Orders, o => o.PlatformId, cancellationToken).ConfigureAwait(false);
        if (!_options.FetchCreditMemos || list.Mapped.Mapped.Count == 0) return list.Page(list.Mapped.Mapped, list.Mapped.Quarantined);

        var memos = await CreditMemosAsync(list.Mapped.Mapped.Select(o => o.PlatformId).ToArray(), list.Number, mappers, cancellationToken).ConfigureAwait(false);
        var byOrder = memos.Mapped.GroupBy(r => r.OrderPlatformId ?? "").ToDictionary(g => g.Key, g => (IReadOnlyList<Refund>)g.ToArray(), StringComparer.Ordinal);
        var orders = list.Mapped.Mapped.Select(o => byOrder.TryGetValue(o.PlatformId, out var refunds) ? o with { Refunds = refunds } : o).ToList();
        return list.Page(orders, [.. list.Mapped.Quarantined, .. memos.Quarantined]);
    }

    /// <summary>One page of a search listing, with the stop rules of <see cref="MagentoPaging"/> applied.</summary>
    private async Task<ListedPage<T>> ListAsync<TDto, T>(string resource, string what, PageRequest request, RecordMapper<TDto, T> mapper, Func<T, string> idOf,
        CancellationToken cancellationToken)
        where TDto : class
        where T : class
    {
        var page = PageNumbers.Of(request.Token);
        var query = MagentoSearchQuery.Page(_options.PageSize, page, request.ModifiedAfter);
        var response = await _http.GetAsync(new Uri(ApiRoot, resource + "?" + query), $"{what} page {page}",
            (body, ct) => ReadSearchAsync(body, mapper, ct), cancellationToken).ConfigureAwait(false);
        var (mapped, total) = response.Value;
        var ids = mapped.Mapped.Select(idOf).Concat(mapped.Quarantined.Select(q => q.PlatformId ?? "")).ToArray();
        var listing = request.ModifiedAfter is { } after ? $"{resource}>{after.UtcTicks}" : resource;
        if (_repeats.IsRepeat(listing, page, ids))
            return new ListedPage<T>(page, page, total, new MappedPage<T>([], []));
        return new ListedPage<T>(page, MagentoPaging.TotalPages(page, ids.Length, _options.PageSize, total), total, mapped);
    }

    /// <summary>Credit memos of the given orders (order_id in …), every page of them.</summary>
    private async Task<MappedPage<Refund>> CreditMemosAsync(IReadOnlyList<string> orderIds, int ordersPage, MagentoMappers mappers, CancellationToken cancellationToken)
    {
        var refunds = new List<Refund>();
        var quarantined = new List<Quarantined>();
        string? previous = null;
        for (var page = 1; page <= MagentoPaging.MaxChildPages; page++)
        {
            var what = $"credit memos of orders page {ordersPage}" + (page > 1 ? $", page {page}" : "");
            var response = await _http.GetAsync(new Uri(ApiRoot, "creditmemos?" + MagentoSearchQuery.OfOrders(orderIds, _options.PageSize, page)), what,
                (body, ct) => ReadSearchAsync(body, mappers.Refunds, ct), cancellationToken).ConfigureAwait(false);
            var (mapped, total) = response.Value;
            var ids = string.Join(",", mapped.Mapped.Select(r => r.PlatformId).Concat(mapped.Quarantined.Select(q => q.PlatformId)));
            if (ids.Length > 0 && ids == previous) break; // the last page again: a store before 2.4
            refunds.AddRange(mapped.Mapped);
            quarantined.AddRange(mapped.Quarantined);
            if (page >= MagentoPaging.TotalPages(page, mapped.Mapped.Count + mapped.Quarantined.Count, _options.PageSize, total)) break;
            previous = ids;
        }
        return new MappedPage<Refund>(refunds, quarantined);
    }

    private static async Task<(MappedPage<T> Mapped, long? Total)> ReadSearchAsync<TDto, T>(Stream body, RecordMapper<TDto, T> mapper, CancellationToken cancellationToken)
        where TDto : class
        where T : class
    {
        var (buffer, length) = await JsonPageMapper.ReadAllAsync(body, mapper.EntityType, cancellationToken).ConfigureAwait(false);
        try
        {
            var page = buffer.AsSpan(0, length);
            var mapped = JsonPageMapper.Map(page, Items, mapper);
            var total = JsonPageMapper.ValueAt(page, "total_count") is { ValueKind: JsonValueKind.Number } t && t.TryGetInt64(out var n) ? n : (long?)null;
            return (mapped, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Product prices and credit memos may carry no currency: the store view's base currency, read once per connector.</summary>
    private async Task<MagentoMappers> MappersAsync(CancellationToken cancellationToken)
    {
        if (_mappers is { } ready) return ready;
        await _factsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_mappers is { } raced) return raced;
            var facts = (await _http.GetAsync(new Uri(ApiRoot, MagentoStoreFacts.Resource), "the store's configuration (store configs)",
                (body, ct) => MagentoStoreFacts.ReadAsync(body, _storeCode, ct), cancellationToken, ResponseBodyKind.Status).ConfigureAwait(false)).Value
                ?? throw new ConnectorException($"Reading the store's configuration failed: the store has no store view with the code '{_storeCode}'. Change the store code in the store's settings.",
                    null, ConnectorErrorKind.NotFound);
            return _mappers = new MagentoMappers(new MagentoMappingOptions(facts.Currency, _storeUrl));
        }
        finally
        {
            _factsGate.Release();
        }
    }

    private sealed record ListedPage<T>(int Number, int TotalPages, long? Total, MappedPage<T> Mapped)
    {
        public FetchedPage<TOut> Page<TOut>(IReadOnlyList<TOut> records, IReadOnlyList<Quarantined> quarantined) =>
            PageNumbers.Page(Number, TotalPages, Total, records, quarantined);
    }
}
