using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>
/// WooCommerce REST API v3 (read side) over a sandbox store. Order of checks follows a real site behind a
/// proxy: latency, injected infrastructure faults, rate limit, routing, authentication, then the resource.
/// </summary>
public sealed class WooCommerceEmulator : ISandboxEmulator
{
    private const string ApiPrefix = "wp-json/wc/v3/";

    public string Platform => "woocommerce";

    public async Task HandleAsync(HttpContext http, SandboxStoreHost host, string siteRoot, string path)
    {
        var ct = http.RequestAborted;
        var options = host.Options;
        if (options.LatencyMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(options.LatencyMs), host.Time, ct);

        var fault = host.Faults.Next();
        if (fault == FaultKind.Timeout)
        {
            await SandboxHang.UntilClientGivesUpAsync(http, host.Time);
            return;
        }
        if (fault is { } early && await WooResponses.TryWriteEarlyFault(http, early, ct)) return;

        if (!host.RateLimiter.TryTake(out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WooError.TooManyRequests().WriteAsync(http.Response, ct);
            return;
        }

        if (!HttpMethods.IsGet(http.Request.Method) || !path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            await WooError.NoRoute().WriteAsync(http.Response, ct);
            return;
        }
        var segments = path[ApiPrefix.Length..].Trim('/').Split('/');
        var isList = segments.Length % 2 == 1;
        if (WooAuthenticator.Authenticate(http.Request, host, isList) is { } authError)
        {
            await authError.WriteAsync(http.Response, ct);
            return;
        }

        var store = host.Store;
        var ctx = new WooWriteContext(siteRoot + "/wp-json/wc/v3", siteRoot, store.Settings);
        var result = Route(http, store, store.Current, segments, ctx);
        if (result.Error is { } error)
        {
            await error.WriteAsync(http.Response, ct);
            return;
        }
        await WooResponses.WriteWithLateFault(http.Response, result.Body!, fault, host, isList ? string.Join('/', segments) : null, ct);
    }

    private readonly record struct Result(byte[]? Body, WooError? Error)
    {
        public static implicit operator Result(WooError e) => new(null, e);
    }

    private static Result Route(HttpContext http, SandboxStore store, StoreSnapshot s, string[] seg, WooWriteContext ctx)
    {
        var q = http.Request.Query;
        switch (seg)
        {
            case ["system_status"]:
                return new Result(WooResponses.Json(w => WooSystemStatusWriter.Write(w, store, ctx)), null);
            case ["orders"]:
                return List(http, store.Settings, WooCollections.OrderSorts, q2 => WooCollections.Orders(store, s, q2, ctx));
            case ["orders", var id] when Id(id) is { } oid:
                return store.FindOrder(s, oid) is { } order
                    ? One(w => WooOrderWriter.WriteOrder(w, order, ctx))
                    : WooError.InvalidId("woocommerce_rest_shop_order_invalid_id");
            case ["orders", var id, "refunds"] when Id(id) is { } oid:
                return store.FindOrder(s, oid) is { } parent
                    ? List(http, store.Settings, WooCollections.SimpleSorts, q2 => WooCollections.Refunds(parent, q2, ctx))
                    : WooError.InvalidId("woocommerce_rest_order_invalid_id");
            case ["orders", var id, "refunds", var rid] when Id(id) is { } oid && Id(rid) is { } refundId:
                return store.FindOrder(s, oid)?.Refunds.FirstOrDefault(r => r.Id == refundId) is { } refund
                    ? One(w => WooOrderWriter.WriteRefund(w, refund, ctx))
                    : WooError.InvalidId("woocommerce_rest_invalid_id");
            case ["customers"]:
                return List(http, store.Settings, WooCollections.CustomerSorts, q2 => WooCollections.Customers(store, s, q2, ctx), descendingByDefault: false);
            case ["customers", var id] when Id(id) is { } cid && cid >= 1 && cid <= store.CustomerCount:
                return One(w => WooCatalogWriter.WriteCustomer(w, store.Customer(s, cid), ctx));
            case ["products"]:
                return List(http, store.Settings, WooCollections.ProductSorts, q2 => WooCollections.Products(store, q2, ctx));
            case ["products", var id] when Id(id) is { } pid && store.FindProduct(pid) is { } product:
                return One(w => WooCatalogWriter.WriteProduct(w, product, store.Products, ctx));
            case ["products", var id, "variations"] when Id(id) is { } pid:
                return store.FindProduct(pid) is { } p
                    ? List(http, store.Settings, WooCollections.SimpleSorts, q2 => WooCollections.Variations(p, q2, ctx))
                    : WooError.InvalidId("woocommerce_rest_product_invalid_id");
            case ["products", var id, "variations", var vid] when Id(id) is { } pid && Id(vid) is { } variationId:
                return store.FindProduct(pid) is { } vp && vp.Variations.FirstOrDefault(v => v.Id == variationId) is { } variation
                    ? One(w => WooCatalogWriter.WriteVariation(w, vp, variation, ctx))
                    : WooError.InvalidId("woocommerce_rest_product_variation_invalid_id");
            case ["coupons"]:
                return List(http, store.Settings, WooCollections.SimpleSorts, q2 => WooCollections.Coupons(store, q2, ctx));
            case ["coupons", var id] when Id(id) is { } couponId && store.FindCoupon(couponId) is { } coupon:
                return One(w => WooCatalogWriter.WriteCoupon(w, coupon, ctx));
            case ["customers", _]:
                return WooError.InvalidId("woocommerce_rest_invalid_id");
            case ["products", _]:
                return WooError.InvalidId("woocommerce_rest_product_invalid_id");
            case ["coupons", _]:
                return WooError.InvalidId("woocommerce_rest_shop_coupon_invalid_id");
            default:
                return WooError.NoRoute();
        }
    }

    private static Result One(Action<System.Text.Json.Utf8JsonWriter> write) => new(WooResponses.Json(write), null);

    private static Result List(HttpContext http, StoreSettings settings, string[] sorts, Func<WooListQuery, WooCollection> build, bool descendingByDefault = true)
    {
        if (WooListQuery.TryParse(http.Request.Query, settings, sorts, descendingByDefault, out var query) is { } error) return error;
        var collection = build(query);
        WooResponses.PagingHeaders(http, collection.Keys.Count, query);
        return new Result(WooResponses.Page(collection, query), null);
    }

    private static int? Id(string segment) => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
