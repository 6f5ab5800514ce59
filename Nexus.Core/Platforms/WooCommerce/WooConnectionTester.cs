using System.Net.Http;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// One signed GET of /wp-json/wc/v3/system_status, without retries (the merchant is waiting and a wrong key
/// will not get better), classified into what is wrong and what to do: unreachable host, TLS, timeout, not
/// WordPress, WooCommerce REST off, wrong key, no read permission; on success the store's facts.
/// </summary>
public sealed class WooConnectionTester(WooApiClient api, TimeSpan timeout, TimeProvider time)
{
    public async Task<ConnectionTestResult> TestAsync(CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var response = await api.SendOnceAsync(new Uri(api.ApiRoot, WooStoreFacts.Resource), linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (summary, fix) = (await WooApiError.ReadAsync(response, linked.Token).ConfigureAwait(false)).Explain();
                return ConnectionTestResult.Failed(summary, fix);
            }
            await using var body = await ConnectorHttpClient.OpenBodyAsync(response, Resilience.ResponseBodyKind.Status, api.BodyLimits, linked.Token).ConfigureAwait(false);
            var facts = await WooStoreFacts.ReadAsync(body, linked.Token).ConfigureAwait(false);
            var name = facts.HomeUrl is { } home && Uri.TryCreate(home, UriKind.Absolute, out var homeUri) ? homeUri.Host : api.ApiRoot.Host;
            return new ConnectionTestResult(true,
                $"Connected to {name}: WooCommerce {facts.WooCommerceVersion ?? "(version unknown)"}, currency {facts.Currency}.",
                StoreName: name, Currency: facts.Currency, PlatformVersion: facts.WooCommerceVersion);
        }
        catch (MalformedPageException)
        {
            return ConnectionTestResult.Failed(
                "The address answers, but not with WooCommerce's JSON (an HTML page or a broken response came back).",
                "Use the store's home address (e.g. https://shop.example.com), and check that no security or caching plugin rewrites /wp-json responses.");
        }
        catch (Resilience.ResponseBodyTooLargeException ex)
        {
            return ConnectionTestResult.Failed($"The address answers, but not like a WooCommerce store: {ex.Message}",
                "Check the store address: use the shop's home address (e.g. https://shop.example.com).");
        }
        catch (Exception ex) when (ConnectionTestTransport.Explain(ex, api.ApiRoot, timeout,
                                       timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested, ConnectionTestTransport.OwnDomainFixes) is { } failed)
        {
            return failed;
        }
    }
}
