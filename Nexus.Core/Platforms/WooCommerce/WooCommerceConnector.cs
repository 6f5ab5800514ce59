using System.Globalization;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Auth;
using Nexus.Core.Resilience;
using Polly;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// WooCommerce REST v3 connector: page-numbered listings sorted by id (stable while the store changes), mapped
/// with the WooCommerce mappers, with variations attached to variable products and full refunds to orders that
/// have any. Auth, budget and retries live in <see cref="WooApiClient"/> and <see cref="Resilience"/>.
/// </summary>
public sealed class WooCommerceConnector : IStoreConnector
{
    public const string PlatformId = "woocommerce";
    private readonly WooCommerceConnectorOptions _options;
    private readonly WooApiClient _api;
    private readonly WooConnectionTester _tester;
    private readonly RequestCounters _counters = new();
    private readonly Uri _storeUrl;
    private readonly SemaphoreSlim _factsGate = new(1, 1);
    private readonly WooPageOrderGuard _pageGuard = new();
    private Mappers? _mappers;

    /// <summary>For tests and one-off use: a private budget and pipeline for this connector.</summary>
    public WooCommerceConnector(HttpClient http, ConnectorTarget target, WooCommerceConnectorOptions options, TimeProvider time)
        : this(http, target, options, time, new RequestBudget(options.RequestsPerMinute, time), ConnectorPipelineFactory.Build(options.Resilience, time))
    {
    }

    /// <param name="budget">The store's shared budget (from <see cref="RequestBudgetRegistry"/>).</param>
    /// <param name="pipeline">The store's pipeline (from <see cref="ConnectorPipelineFactory"/>).</param>
    public WooCommerceConnector(HttpClient http, ConnectorTarget target, WooCommerceConnectorOptions options, TimeProvider time,
        RequestBudget budget, ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, 100);
        _options = options;
        _storeUrl = new Uri(target.BaseUrl.TrimEnd('/') + "/");
        var authenticator = new WooRequestAuthenticator(target.Credentials, options.AuthMode, options.SignatureMethod, time);
        _api = new WooApiClient(http, new Uri(_storeUrl, "wp-json/wc/v3/"), authenticator, budget, pipeline, _counters, time, options.Resilience, options.BodyLimits);
        _tester = new WooConnectionTester(_api, options.Resilience.AttemptTimeout, time);
    }

    public string Platform => PlatformId;

    /// <summary>WooCommerce pages are numbered (X-WP-TotalPages), so the sync fetches several at once.</summary>
    public PagingStyle Paging => PagingStyle.Numbered;

    public ConnectorStats Stats => _counters.Snapshot();

    /// <summary>WooCommerce has no modified_after for customers: the sync re-reads them and skips unchanged rows.</summary>
    public bool SupportsModifiedFilter(SyncEntity entity) => entity != SyncEntity.Customers;

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) => _tester.TestAsync(cancellationToken);

    public async Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var (page, modifiedAfter) = (PageNumbers.Of(request.Token), request.ModifiedAfter);
        var mappers = await MappersAsync(cancellationToken).ConfigureAwait(false);
        var response = await _api.GetAsync(ListQuery("customers", page, null), $"customers page {page}",
            Guarded("customers", null, page, mappers.Customers.MapCustomersPageAsync, c => c.PlatformId), cancellationToken).ConfigureAwait(false);
        return Page(page, response, response.Value.Mapped, response.Value.Quarantined);
    }

    public async Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var (page, modifiedAfter) = (PageNumbers.Of(request.Token), request.ModifiedAfter);
        var mappers = await MappersAsync(cancellationToken).ConfigureAwait(false);
        var response = await _api.GetAsync(ListQuery("products", page, modifiedAfter), $"products page {page}",
            Guarded("products", modifiedAfter, page, mappers.Products.MapProductsPageAsync, p => p.PlatformId), cancellationToken).ConfigureAwait(false);
        var products = new List<Product>(response.Value.Mapped.Count);
        var quarantined = response.Value.Quarantined.ToList();
        foreach (var product in response.Value.Mapped)
        {
            if (product.Type != ProductType.Variable && product.VariantPlatformIds.Count == 0)
            {
                products.Add(product);
                continue;
            }
            var variants = await PagedAsync($"products/{product.PlatformId}/variations", $"variations of product {product.PlatformId}",
                bytes => mappers.Products.MapVariationsPage(bytes, product.PlatformId), cancellationToken).ConfigureAwait(false);
            quarantined.AddRange(variants.Quarantined);
            products.Add(product with { Variants = variants.Mapped });
        }
        return Page(page, response, products, quarantined);
    }

    public async Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var (page, modifiedAfter) = (PageNumbers.Of(request.Token), request.ModifiedAfter);
        var mappers = await MappersAsync(cancellationToken).ConfigureAwait(false);
        var response = await _api.GetAsync(ListQuery("orders", page, modifiedAfter), $"orders page {page}",
            Guarded("orders", modifiedAfter, page, mappers.Orders.MapOrdersPageAsync, o => o.PlatformId), cancellationToken).ConfigureAwait(false);
        if (!_options.FetchRefundDetails) return Page(page, response, response.Value.Mapped, response.Value.Quarantined);

        var orders = new List<Order>(response.Value.Mapped.Count);
        var quarantined = response.Value.Quarantined.ToList();
        foreach (var order in response.Value.Mapped)
        {
            // The order's refund summary has ids and amounts only; dates and lines need the refunds endpoint.
            if (order.Refunds.Count == 0)
            {
                orders.Add(order);
                continue;
            }
            var refunds = await PagedAsync($"orders/{order.PlatformId}/refunds", $"refunds of order {order.PlatformId}",
                bytes => mappers.Refunds.MapRefundsPage(bytes, order.PlatformId, order.Currency), cancellationToken).ConfigureAwait(false);
            quarantined.AddRange(refunds.Quarantined);
            orders.Add(order with { Refunds = refunds.Mapped });
        }
        return Page(page, response, orders, quarantined);
    }

    /// <summary>Maps the page, then rejects it if it repeats another page of the same listing (so the pipeline retries).</summary>
    private Func<Stream, CancellationToken, Task<MappedPage<T>>> Guarded<T>(string resource, DateTimeOffset? modifiedAfter, int page,
        Func<Stream, CancellationToken, Task<MappedPage<T>>> map, Func<T, string> idOf)
    {
        var listing = modifiedAfter is { } after ? $"{resource}>{after.UtcTicks}" : resource;
        return async (body, ct) => _pageGuard.Accept(listing, page, await map(body, ct).ConfigureAwait(false), idOf);
    }

    private FetchedPage<T> Page<T, TMapped>(int page, WooResponse<MappedPage<TMapped>> response, IReadOnlyList<T> records, IReadOnlyList<Quarantined> quarantined)
    {
        var count = response.Value.Mapped.Count + response.Value.Quarantined.Count;
        var totalPages = WooPaging.TotalPages(page, count, _options.PageSize, response.TotalPages, response.Total);
        return PageNumbers.Page(page, totalPages, response.Total, records, quarantined);
    }

    /// <summary>All pages of a child collection (variations, refunds), mapped from bytes.</summary>
    private async Task<MappedPage<T>> PagedAsync<T>(string resource, string what, Func<byte[], MappedPage<T>> map, CancellationToken cancellationToken)
    {
        var mapped = new List<T>();
        var quarantined = new List<Quarantined>();
        for (var page = 1; ; page++)
        {
            var response = await _api.GetAsync($"{resource}?per_page={_options.PageSize}&page={page}&orderby=id&order=asc",
                page == 1 ? what : $"{what}, page {page}",
                async (body, ct) =>
                {
                    using var buffer = new MemoryStream();
                    await body.CopyToAsync(buffer, ct).ConfigureAwait(false);
                    return map(buffer.ToArray());
                }, cancellationToken).ConfigureAwait(false);
            mapped.AddRange(response.Value.Mapped);
            quarantined.AddRange(response.Value.Quarantined);
            var count = response.Value.Mapped.Count + response.Value.Quarantined.Count;
            if (page >= WooPaging.TotalPages(page, count, _options.PageSize, response.TotalPages, response.Total)) break;
            if (page >= WooPaging.MaxChildPages)
                throw new ConnectorException($"Reading {what} failed: the store keeps sending pages beyond {WooPaging.MaxChildPages} (of {_options.PageSize}); Nexus stopped there.");
        }
        return new MappedPage<T>(mapped, quarantined);
    }

    private string ListQuery(string resource, int page, DateTimeOffset? modifiedAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        var query = string.Create(CultureInfo.InvariantCulture, $"{resource}?per_page={_options.PageSize}&page={page}&orderby=id&order=asc");
        if (modifiedAfter is { } after)
            query += "&modified_after=" + Uri.EscapeDataString(after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)) + "&dates_are_gmt=true";
        return query;
    }

    private sealed record Mappers(WooCommerceCustomerMapper Customers, WooCommerceProductMapper Products, WooCommerceOrderMapper Orders, WooCommerceRefundMapper Refunds);

    /// <summary>Mapping options need the store currency (product prices carry none): read once per connector.</summary>
    private async Task<Mappers> MappersAsync(CancellationToken cancellationToken)
    {
        if (_mappers is { } ready) return ready;
        await _factsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_mappers is { } raced) return raced;
            var currency = _options.StoreCurrency ?? (await _api.GetAsync(WooStoreFacts.Resource, "the store's settings (system status)",
                WooStoreFacts.ReadAsync, cancellationToken, ResponseBodyKind.Status).ConfigureAwait(false)).Value.Currency;
            var mapping = new WooCommerceMappingOptions(currency, _storeUrl);
            return _mappers = new Mappers(new WooCommerceCustomerMapper(mapping), new WooCommerceProductMapper(mapping),
                new WooCommerceOrderMapper(mapping), new WooCommerceRefundMapper(mapping));
        }
        finally
        {
            _factsGate.Release();
        }
    }
}
