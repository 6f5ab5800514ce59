using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>
/// Single attempts, no retries (the merchant is waiting and wrong credentials will not get better): the store view's
/// configuration, then one record of every listing a sync reads, so a missing ACL resource is named now rather than
/// halfway through the first sync. Classified into: unreachable, TLS, timeout, not Magento, unknown store code, bearer
/// token refused, wrong credentials, missing ACL resource; on success the store's facts.
/// </summary>
public sealed class MagentoConnectionTester(ConnectorHttpClient http, Uri storeUrl, string storeCode, bool bearer, TimeSpan timeout, TimeProvider time)
{
    /// <summary>What a sync reads, as the searches that need each ACL resource.</summary>
    private static readonly (string Resource, string What)[] Listings =
        [("orders", "orders"), ("customers/search", "customers"), ("products", "products"), ("creditmemos", "credit memos")];

    private Uri Api(string code) => new(storeUrl, $"rest/{Uri.EscapeDataString(code)}/V1/");

    public async Task<ConnectionTestResult> TestAsync(CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var ct = linked.Token;
        try
        {
            MagentoStoreFacts? facts;
            using (var response = await http.SendOnceAsync(new Uri(Api(storeCode), MagentoStoreFacts.Resource), ct).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = await MagentoApiError.ReadAsync(response, http.BodyLimits, ct).ConfigureAwait(false);
                    if (error.IsNoRoute && await OtherStoreCodesAsync(ct).ConfigureAwait(false) is { } codes)
                        return ConnectionTestResult.Failed($"Unknown store code: this Magento store has no store view '{storeCode}'" + (codes.Count > 0 ? $" (it has: {string.Join(", ", codes)})." : "."),
                            "Enter the code of a store view (Stores > All Stores in the Magento admin), usually 'default'.");
                    return Failed(error.Explain(bearer));
                }
                await using var body = await ConnectorHttpClient.OpenBodyAsync(response, ResponseBodyKind.Status, http.BodyLimits, ct).ConfigureAwait(false);
                facts = await MagentoStoreFacts.ReadAsync(body, storeCode, ct).ConfigureAwait(false);
            }
            if (facts is null)
                return ConnectionTestResult.Failed($"Unknown store code: this Magento store has no store view '{storeCode}'.",
                    "Enter the code of a store view (Stores > All Stores in the Magento admin), usually 'default'.");

            foreach (var (resource, what) in Listings)
            {
                using var probe = await http.SendOnceAsync(new Uri(Api(storeCode), resource + "?" + MagentoSearchQuery.Page(1, 1, null)), ct).ConfigureAwait(false);
                if (probe.IsSuccessStatusCode) continue;
                var explained = (await MagentoApiError.ReadAsync(probe, http.BodyLimits, ct).ConfigureAwait(false)).Explain(bearer);
                return ConnectionTestResult.Failed($"Connected, but reading {what} failed: {explained.Summary}", explained.Fix);
            }
            var name = facts.BaseUrl is { } baseUrl && Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) ? baseUri.Host : storeUrl.Host;
            return new ConnectionTestResult(true,
                $"Connected to {name}: Magento store view '{facts.Code}', currency {facts.Currency}{(facts.TimeZone is { } zone ? $", time zone {zone}" : "")}; "
                + $"orders, customers, products and credit memos can be read ({(bearer ? "Bearer token" : "OAuth 1.0a integration")}).",
                StoreName: name, Currency: facts.Currency, PlatformVersion: "Magento 2");
        }
        catch (Exception ex) when (ex is MalformedPageException or ResponseBodyTooLargeException)
        {
            return ConnectionTestResult.Failed("Not a Magento store: the address answers, but not with Magento's REST JSON (an HTML page or a broken response came back).",
                "Use the shop's base URL (e.g. https://shop.example.com) of a Magento 2 or Adobe Commerce store.");
        }
        catch (Exception ex) when (ConnectionTestTransport.Explain(ex, storeUrl, timeout,
                                       timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested, ConnectionTestTransport.OwnDomainFixes) is { } failed)
        {
            return failed;
        }
    }

    private static ConnectionTestResult Failed(ConnectorError error) => ConnectionTestResult.Failed(error.Summary, error.Fix);

    /// <summary>
    /// After "no route" for the store code: whether the store answers without a code (Magento's default view). If it does,
    /// the code is what is wrong; the configs are listed when the credentials may read them. Null when it is not Magento either.
    /// </summary>
    private async Task<IReadOnlyList<string>?> OtherStoreCodesAsync(CancellationToken ct)
    {
        using var response = await http.SendOnceAsync(new Uri(new Uri(storeUrl, "rest/V1/"), MagentoStoreFacts.Resource), ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await MagentoApiError.ReadAsync(response, http.BodyLimits, ct).ConfigureAwait(false);
            return error.IsMagentoJson && !error.IsNoRoute ? [] : null;
        }
        await using var body = await ConnectorHttpClient.OpenBodyAsync(response, ResponseBodyKind.Status, http.BodyLimits, ct).ConfigureAwait(false);
        try
        {
            return (await MagentoStoreFacts.ReadAsync(body, "all", ct).ConfigureAwait(false))?.AllCodes ?? [];
        }
        catch (MalformedPageException)
        {
            return null;
        }
    }
}
