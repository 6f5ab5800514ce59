using System.Net;
using System.Text.Json;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>
/// A non-success answer from a store, read once and explained for a merchant: what is wrong and what to do.
/// The connector's exceptions and the connection test use the same explanations, so the wording matches.
/// </summary>
public sealed record WooApiError(HttpStatusCode Status, string? Code, string? Message, bool IsJson)
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    public const string KeysPage = "WordPress admin → WooCommerce → Settings → Advanced → REST API";

    public static async Task<WooApiError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await ReadCappedAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
                return new WooApiError(response.StatusCode, Text(root, "code"), Text(root, "message"), true);
        }
        catch (JsonException)
        {
            // Not JSON at all (an HTML page): that itself is the diagnosis, see IsJson.
        }
        return new WooApiError(response.StatusCode, null, null, false);
    }

    /// <summary>The key is wrong or lacks permission: retrying cannot help, the merchant must act.</summary>
    public bool IsAuthentication => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    public bool IsNoRoute => Status == HttpStatusCode.NotFound && Code == "rest_no_route";

    /// <summary>What is wrong (Summary) and what to do (Fix), in the merchant's terms.</summary>
    public (string Summary, string Fix) Explain()
    {
        var said = Message is { Length: > 0 } m ? $" (the store said: \"{m}\")" : "";
        if (IsAuthentication && (Code == "woocommerce_rest_cannot_view" || Status == HttpStatusCode.Forbidden
                                 || (Message?.Contains("permission", StringComparison.OrdinalIgnoreCase) ?? false)))
            return ($"The API key was not allowed to read the store's data{said}.",
                $"In {KeysPage}, edit the key and set Permissions to Read (or Read/Write); its user must be an administrator or shop manager. "
                + "If it already is, the web server may strip the Authorization header: switch this connection to query-string authentication.");
        if (IsAuthentication)
            return ($"Wrong key: the store rejected the consumer key or secret{said}.",
                $"In {KeysPage}, create a key with Read permission and paste its consumer key (ck_…) and consumer secret (cs_…); the secret is shown only once.");
        if (IsNoRoute)
            return ("WordPress answered, but the WooCommerce REST API is not enabled at /wp-json/wc/v3.",
                "Check that WooCommerce (3.5 or later) is installed and active, and that Settings → Permalinks is not set to \"Plain\".");
        if (Status == HttpStatusCode.NotFound || !IsJson)
            return ($"The address answers, but it is not a WordPress site with a REST API (HTTP {(int)Status} without a WordPress error).",
                "Use the store's home address (e.g. https://shop.example.com), not a page or admin URL, and check that /wp-json is not blocked by a security plugin.");
        if (Status == HttpStatusCode.TooManyRequests)
            return ("The store is limiting our requests (HTTP 429).", "Wait a minute and try again, or lower this store's request budget.");
        if ((int)Status >= 500)
            return ($"The store's server failed (HTTP {(int)Status}){said}.", "Try again later; if it persists, check the site's PHP error log or ask the host.");
        return ($"The store answered HTTP {(int)Status}{said}.", "Check the store address and key, then try again.");
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while (buffer.Length < MaxErrorBodyBytes && (read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
