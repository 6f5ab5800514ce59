using Microsoft.AspNetCore.Http;

namespace Nexus.Web.Sandbox.Hosting;

/// <summary>
/// One platform's API over a sandbox store: wire format, auth, pagination and rate-limit scheme.
/// WooCommerce is the first; Shopify (GraphQL Admin) and Magento (/rest/V1 searchCriteria) are each one more
/// implementation over the same generated store.
/// </summary>
public interface ISandboxEmulator
{
    /// <summary>URL segment and config value, e.g. "woocommerce".</summary>
    string Platform { get; }

    /// <summary>Answers a request; <paramref name="path"/> is what follows /{prefix}/{platform}/{store}/.</summary>
    Task HandleAsync(HttpContext http, SandboxStoreHost host, string siteRoot, string path);

    /// <summary>The answer to a URL naming no sandbox store of this platform: what that platform says to a wrong URL.</summary>
    Task WriteStoreNotFoundAsync(HttpContext http) => WooCommerce.WooError.NoRoute().WriteAsync(http.Response, http.RequestAborted);

    /// <summary>
    /// The credentials a merchant would enter for this sandbox store, in the platform's credential fields (the demo
    /// merchant's stores are registered with them). By default the store's consumer key and secret.
    /// </summary>
    Nexus.Core.Stores.StoreCredentials Credentials(SandboxStoreOptions store) => new(store.ConsumerKey, store.ConsumerSecret);
}
