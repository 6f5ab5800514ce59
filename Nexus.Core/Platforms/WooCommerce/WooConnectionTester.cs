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
        var host = api.ApiRoot.Authority;
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
        catch (Resilience.RedirectRefusedException ex)
        {
            return ConnectionTestResult.Failed(ex.Message, "Enter the address the shop redirects to (usually its https:// address) and test again.");
        }
        catch (HttpRequestException ex) when (ex.InnerException is Resilience.BlockedAddressException blocked)
        {
            return ConnectionTestResult.Failed($"Refused: {blocked.Message}", "Enter the shop's public address (e.g. https://shop.example.com).");
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return ConnectionTestResult.Failed($"Host not found: no DNS entry for {api.ApiRoot.Host}.", "Check the store address for typos; it must be the public address of the shop.");
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            return ConnectionTestResult.Failed($"The secure (TLS) connection to {host} failed: its certificate is invalid, expired or for another name.",
                "Renew or fix the site's SSL certificate (your host can help), then test again.");
        }
        catch (HttpRequestException)
        {
            return ConnectionTestResult.Failed($"Unreachable: nothing accepted the connection at {host}.",
                "Check the address and port, that the site is online, and that its firewall allows outside connections.");
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ConnectionTestResult.Failed($"Timeout: {host} did not answer within {timeout.TotalSeconds:0} seconds.",
                "The site may be overloaded or a firewall may drop our requests; check that it loads in a browser, then test again.");
        }
    }
}
