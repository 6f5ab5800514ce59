using System.Buffers;
using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.WooCommerce;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Platforms;

namespace Nexus.Benchmarks.Sandbox;

/// <summary>
/// A connector that reads a sandbox store without HTTP: it renders each page with the WooCommerce emulator's own
/// writers and maps it with the real WooCommerce mappers, so records (defects included) are exactly what a sync
/// over HTTP would get, minus the network. For benchmarks that must measure Nexus, not the loopback stack, and for
/// tests that check Quality against the store's ground truth. Pages are by id ascending, like the real connector.
/// </summary>
public sealed class SandboxDirectConnector(SandboxStore store, int pageSize = 100) : IStoreConnector
{
    public const string PlatformId = "sandbox-direct";

    private readonly WooWriteContext _context = new("http://127.0.0.1/sandbox/woocommerce/direct/wp-json/wc/v3", "http://127.0.0.1/sandbox/woocommerce/direct", store.Settings);
    private readonly WooCommerceCustomerMapper _customers = new(new WooCommerceMappingOptions(store.Settings.Currency));
    private readonly WooCommerceProductMapper _products = new(new WooCommerceMappingOptions(store.Settings.Currency));
    private readonly WooCommerceOrderMapper _orders = new(new WooCommerceMappingOptions(store.Settings.Currency));
    private int _requests;

    public string Platform => PlatformId;

    public PagingStyle Paging => PagingStyle.Numbered;

    public ConnectorStats Stats => new(Volatile.Read(ref _requests), 0, 0);

    /// <summary>Customers have no modified filter on WooCommerce; the direct connector ignores the filter for all entities.</summary>
    public bool SupportsModifiedFilter(SyncEntity entity) => false;

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ConnectionTestResult(true, "In-process sandbox store.", Currency: store.Settings.Currency));

    public Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var page = PageNumbers.Of(request.Token);
        var snapshot = store.Current;
        var (first, count, pages) = Slice(store.CustomerCount, page);
        var bytes = Render(count, (w, k) => WooCatalogWriter.WriteCustomer(w, store.Customer(snapshot, first + k + 1), _context));
        var mapped = _customers.MapCustomersPage(bytes);
        return Task.FromResult(PageNumbers.Page(page, pages, store.CustomerCount, mapped.Mapped, mapped.Quarantined));
    }

    public Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var page = PageNumbers.Of(request.Token);
        var (first, count, pages) = Slice(store.Products.Count, page);
        var bytes = Render(count, (w, k) => WooCatalogWriter.WriteProduct(w, store.Products[first + k], store.Products, _context));
        var mapped = _products.MapProductsPage(bytes);
        var products = new List<Product>(mapped.Mapped.Count);
        var quarantined = mapped.Quarantined.ToList();
        foreach (var product in mapped.Mapped)
        {
            var source = store.FindProduct(int.Parse(product.PlatformId, System.Globalization.CultureInfo.InvariantCulture));
            if (source is not { Variations.Count: > 0 }) { products.Add(product); continue; }
            var variations = Render(source.Variations.Count, (w, k) => WooCatalogWriter.WriteVariation(w, source, source.Variations[k], _context));
            var variants = _products.MapVariationsPage(variations, product.PlatformId);
            quarantined.AddRange(variants.Quarantined);
            products.Add(product with { Variants = variants.Mapped });
        }
        return Task.FromResult(PageNumbers.Page(page, pages, store.Products.Count, products, quarantined));
    }

    public Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var page = PageNumbers.Of(request.Token);
        var snapshot = store.Current;
        var (first, count, pages) = Slice(snapshot.OrderCount, page);
        var bytes = Render(count, (w, k) => WooOrderWriter.WriteOrder(w, store.Order(snapshot, first + k), _context));
        var mapped = _orders.MapOrdersPage(bytes);
        return Task.FromResult(PageNumbers.Page(page, pages, snapshot.OrderCount, mapped.Mapped, mapped.Quarantined));
    }

    private (int First, int Count, int Pages) Slice(int total, int page)
    {
        Interlocked.Increment(ref _requests);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var first = (page - 1) * pageSize;
        return (first, Math.Clamp(total - first, 0, pageSize), pages);
    }

    private static byte[] Render(int count, Action<Utf8JsonWriter, int> write)
    {
        var buffer = new ArrayBufferWriter<byte>(count * 2048 + 16);
        using (var writer = new Utf8JsonWriter(buffer, WooJson.WriterOptions))
        {
            writer.WriteStartArray();
            for (var k = 0; k < count; k++) write(writer, k);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
