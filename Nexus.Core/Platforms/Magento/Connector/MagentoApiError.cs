using System.Net;
using System.Text.Json;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>
/// A Magento error answer read once (<c>{"message": "… %1 …", "parameters": …}</c>, rendered with its parameters) and
/// explained for a merchant. Sync errors and the connection test share these words.
/// </summary>
public sealed record MagentoApiError(HttpStatusCode Status, string? Message, string? Resource, bool IsMagentoJson)
{
    public const string IntegrationsPage = "System > Extensions > Integrations";
    public const string BearerSetting = "Stores > Settings > Configuration > Services > OAuth > Consumer Settings > \"Allow OAuth Access Tokens to be used as standalone Bearer tokens\"";

    public static async Task<MagentoApiError> ReadAsync(HttpResponseMessage response, ResponseBodyLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await ConnectorHttpClient.OpenBodyAsync(response, ResponseBodyKind.Error, limits, cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var message = MagentoErrorMessage.TryRender(root);
            var resource = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
                           && p.TryGetProperty("resources", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return new MagentoApiError(response.StatusCode, message, resource, message is not null);
        }
        catch (Exception ex) when (ex is JsonException or ResponseBodyTooLargeException or IOException)
        {
            return new MagentoApiError(response.StatusCode, null, null, false); // an HTML error page: not Magento's API
        }
    }

    /// <summary>True when Magento refused the caller as a guest or for a missing ACL resource ("…isn't authorized to access %resources").</summary>
    public bool IsAclRefusal => Resource is not null;

    public bool IsNoRoute => IsMagentoJson && Status == HttpStatusCode.NotFound && Message?.Contains("does not match any route", StringComparison.OrdinalIgnoreCase) == true;

    public ConnectorError Explain(bool bearer)
    {
        var said = Message is null ? "" : $" (Magento: \"{Message}\")";
        switch ((int)Status)
        {
            case 401 or 403 when IsAclRefusal && bearer:
                return new(ConnectorErrorKind.Authentication, $"The store did not accept the access token on its own as a Bearer token{said}.",
                    $"Since Magento 2.4.4 an integration's token works alone only when {BearerSetting} is Yes: turn it on, or enter all four integration credentials (consumer key and secret, access token and secret).");
            case 401 or 403 when IsAclRefusal:
                return new(ConnectorErrorKind.Permission, $"The integration may not read {Resource}{said}.",
                    $"In the Magento admin open {IntegrationsPage}, edit the integration, grant the resource {Resource} under API (or All), save and reauthorize it.");
            case 401 or 403:
                return new(ConnectorErrorKind.Authentication, $"The store rejected the integration credentials{said}.",
                    $"Copy the consumer key, consumer secret, access token and access token secret again from {IntegrationsPage} > (your integration) > Integration Details; if the integration was reauthorized, its tokens changed.");
            case 404 when IsNoRoute:
                return new(ConnectorErrorKind.NotFound, $"The address answers like Magento, but not at this REST route{said}.",
                    "Check the store address (the shop's base URL, without /rest or /admin) and the store code (usually 'default').");
            case 404:
                return new(ConnectorErrorKind.NotFound, "Nothing answers at this address's Magento REST API (HTTP 404): this does not look like a Magento 2 store.",
                    "Use the shop's base URL (e.g. https://shop.example.com) of a Magento 2 or Adobe Commerce store.");
            case 429:
                return new(ConnectorErrorKind.Throttled, $"The store is limiting our requests (HTTP 429){said}.", "Wait a minute and try again, or lower this store's request budget.");
            case >= 500:
                return new(ConnectorErrorKind.Server, $"The store's server failed (HTTP {(int)Status}){said}.", "Try again later; if it persists, the store's developer can find the report in Magento's var/log and var/report.");
            default:
                return new(ConnectorError.KindOf(Status), $"The store answered HTTP {(int)Status}{said}.", "Check the store address, store code and credentials, then try again.");
        }
    }
}
