using System.Net;
using System.Text.Json;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// One POST of <c>shop { name currencyCode ianaTimezone }</c> and the granted scopes, without retries (the merchant is
/// waiting), classified into what is wrong and what to do: wrong or revoked token, not a Shopify shop, unknown API
/// version, a missing read scope (named), no read_all_orders (a warning: only 60 days of orders), unreachable host,
/// TLS failure, timeout.
/// </summary>
public sealed class ShopifyConnectionTester(ShopifyGraphQLClient api, string version, TimeProvider time)
{
    public static readonly string[] RequiredScopes = ["read_orders", "read_customers", "read_products"];

    public async Task<ConnectionTestResult> TestAsync(CancellationToken cancellationToken)
    {
        var timeout = api.Resilience.AttemptTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var response = await api.SendOnceAsync(ShopifyQueries.ShopFacts, linked.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound && await IsUnknownVersionAsync(linked.Token).ConfigureAwait(false))
                return ConnectionTestResult.Failed($"Shopify does not serve Admin API version {version} (it answered Not Found).",
                    $"Use a supported quarterly version such as {ShopifyConnectorOptions.DefaultApiVersion} (versions are supported for about a year), "
                    + "or remove the version from the store address to use Nexus's default.");
            if (!response.IsSuccessStatusCode)
            {
                var error = (await ShopifyApiError.ReadAsync(response, linked.Token).ConfigureAwait(false)).Explain();
                return ConnectionTestResult.Failed(error.Summary, error.Fix);
            }
            await using var body = await ConnectorHttpClient.OpenBodyAsync(response, ResponseBodyKind.Status, api.BodyLimits, linked.Token).ConfigureAwait(false);
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(body, cancellationToken: linked.Token).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return NotAShop();
            }
            using (document) return Judge(document.RootElement, response);
        }
        catch (ResponseBodyTooLargeException)
        {
            return NotAShop();
        }
        catch (Exception ex) when (ConnectionTestTransport.Explain(ex, api.Endpoint, timeout,
                                       timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested, TransportFixes) is { } failed)
        {
            return failed;
        }
    }

    /// <summary>A Shopify shop always has a .myshopify.com address with a valid certificate: the fixes point there.</summary>
    private static readonly TransportFailureFixes TransportFixes = new(
        Redirect: "Enter the address the shop redirects to (its https://….myshopify.com address) and test again.",
        BlockedAddress: "Enter the shop's public address (e.g. https://your-shop.myshopify.com).",
        HostNotFound: "Check the shop address for typos, e.g. https://your-shop.myshopify.com.",
        Tls: "Use the shop's .myshopify.com address (Shopify's certificate is always valid there), or fix the custom domain's certificate.",
        Unreachable: "Check the address, and that this server may reach the internet.",
        Timeout: "Check that the shop loads in a browser and that no firewall drops our requests, then test again.");

    private ConnectionTestResult Judge(JsonElement root, HttpResponseMessage response)
    {
        if (root.ValueKind != JsonValueKind.Object) return NotAShop();
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var scope = ShopifyApiError.MissingScope(errors[0]);
            return scope is not null
                ? MissingScopes([scope])
                : ConnectionTestResult.Failed($"Shopify refused the test query: {errors[0].GetRawText()}", "Check the token and the app's Admin API scopes.");
        }
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("shop", out var shop) || shop.ValueKind != JsonValueKind.Object)
            return NotAShop();
        var scopes = data.TryGetProperty("currentAppInstallation", out var app) && app.TryGetProperty("accessScopes", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => s.TryGetProperty("handle", out var h) ? h.GetString() : null).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var missing = RequiredScopes.Where(s => !scopes.Contains(s) && !scopes.Contains("write" + s[4..])).ToArray();
        if (missing.Length > 0) return MissingScopes(missing);

        var name = Text(shop, "name") ?? api.Endpoint.Host;
        var currency = Text(shop, "currencyCode");
        var served = response.Headers.TryGetValues("X-Shopify-API-Version", out var v) ? v.FirstOrDefault() : null;
        var summary = $"Connected to {name}: Shopify Admin API {served ?? version}, currency {currency}, time zone {Text(shop, "ianaTimezone")}.";
        if (served is not null && served != version) summary += $" Shopify answered with version {served} instead of {version}, which is no longer supported.";
        string? fix = null;
        if (!scopes.Contains("read_all_orders"))
        {
            summary += " Warning: the app lacks the read_all_orders scope, so only the last 60 days of orders will come.";
            fix = $"To sync older orders, add read_all_orders in {ShopifyApiError.AppPage} (Admin API integration), reinstall the app and paste the new token.";
        }
        return new ConnectionTestResult(true, summary, fix, name, currency, served ?? version);
    }

    /// <summary>A 404 that goes away with Nexus's default version means the store's version is unknown, not the address.</summary>
    private async Task<bool> IsUnknownVersionAsync(CancellationToken cancellationToken)
    {
        if (version == ShopifyConnectorOptions.DefaultApiVersion) return false;
        var probe = new Uri(api.Endpoint, $"../{ShopifyConnectorOptions.DefaultApiVersion}/graphql.json");
        using var response = await api.SendOnceAsync(ShopifyQueries.ShopFacts, cancellationToken, probe).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private static ConnectionTestResult MissingScopes(IReadOnlyList<string> scopes) => ConnectionTestResult.Failed(
        $"The app's token lacks the {string.Join(", ", scopes)} access scope{(scopes.Count > 1 ? "s" : "")}, so Nexus cannot read that data.",
        $"In {ShopifyApiError.AppPage}, add {string.Join(", ", scopes)} (and read_all_orders for orders older than 60 days) under Admin API integration, reinstall the app and paste the new token.");

    private ConnectionTestResult NotAShop() => ConnectionTestResult.Failed(
        $"The address answers, but not like a Shopify shop: {api.Endpoint.Authority} has no Admin GraphQL API.",
        "Use the shop's address, e.g. https://your-shop.myshopify.com (find it in Shopify admin → Settings → Domains).");

    private static string? Text(JsonElement obj, string name) => obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
