using System.Net;
using System.Text.Json;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// Shopify's error answers explained for a merchant. HTTP errors carry <c>{"errors": "…"}</c> (401 bad token, 404 no such
/// shop or API version, 402/423 shop frozen or locked, 5xx HTML outage pages); GraphQL errors come with HTTP 200 in
/// <c>errors[].extensions.code</c> (ACCESS_DENIED names the missing scope, MAX_COST_EXCEEDED, THROTTLED).
/// </summary>
public sealed record ShopifyApiError(HttpStatusCode Status, string? Message, bool IsJson, string? RequestId)
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    public const string AppPage = "Shopify admin → Settings → Apps and sales channels → Develop apps → your app → API credentials";

    public static async Task<ShopifyApiError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        await using var stream = await ConnectorHttpClient.OpenBodyAsync(response, ResponseBodyKind.Error, new ResponseBodyLimits { ErrorBytes = MaxErrorBodyBytes }, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var errors = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var e) ? e : default;
            var message = errors.ValueKind switch
            {
                JsonValueKind.String => errors.GetString(),
                JsonValueKind.Undefined => null,
                _ => errors.GetRawText(),
            };
            return new ShopifyApiError(response.StatusCode, message, true, requestId);
        }
        catch (Exception ex) when (ex is JsonException or ResponseBodyTooLargeException)
        {
            return new ShopifyApiError(response.StatusCode, null, false, requestId); // an HTML page: that is the diagnosis
        }
    }

    public ConnectorError Explain()
    {
        var id = RequestId is { } r ? $" (Shopify request id {r})" : "";
        return Status switch
        {
            HttpStatusCode.Unauthorized => new(ConnectorErrorKind.Authentication, $"Wrong or revoked token: Shopify rejected the Admin API access token{id}.",
                $"In {AppPage}, reveal the Admin API access token (shpat_…) or reinstall the app to get a new one, and paste it here."),
            HttpStatusCode.Forbidden => new(ConnectorErrorKind.Permission, $"Shopify refused the request: the app may not read this shop's data{id}.",
                $"In {AppPage}, grant the read_orders, read_all_orders, read_customers and read_products scopes, reinstall the app and paste the new token."),
            HttpStatusCode.NotFound when IsJson => new(ConnectorErrorKind.NotFound,
                $"Shopify answered \"Not Found\" for the Admin API at this address{id}: the API version is unknown, or the address is not the shop's.",
                "Use the shop's address (https://your-shop.myshopify.com) and a supported API version (a quarterly one such as 2026-10, at most about a year old)."),
            HttpStatusCode.NotFound => new(ConnectorErrorKind.NotFound, "The address answers, but it is not a Shopify shop (no Admin API there).",
                "Use the shop's address, e.g. https://your-shop.myshopify.com."),
            HttpStatusCode.PaymentRequired or HttpStatusCode.Locked => new(ConnectorErrorKind.Permission,
                $"Shopify says the shop is {(Status == HttpStatusCode.Locked ? "locked" : "frozen (unpaid plan)")}{id}.", "Resolve it in the shop's Shopify admin, then sync again."),
            HttpStatusCode.TooManyRequests => new(ConnectorErrorKind.Throttled, "Shopify is limiting our requests (HTTP 429).", "Wait a minute and sync again."),
            _ when (int)Status >= 500 => new(ConnectorErrorKind.Server, $"Shopify's servers failed (HTTP {(int)Status}){id}.", "Try again later; check https://www.shopifystatus.com if it persists."),
            _ => new(ConnectorErrorKind.Unexpected, $"Shopify answered HTTP {(int)Status}{(Message is { Length: > 0 } m ? $" (\"{m}\")" : "")}{id}.", "Check the shop address and token, then try again."),
        };
    }

    /// <summary>
    /// Throws for a GraphQL answer with errors (THROTTLED never gets here: the pipeline retried it). A missing scope is
    /// a permission failure naming the scope; anything else is a failure whose message quotes Shopify.
    /// </summary>
    public static void ThrowIfErrors(ReadOnlySpan<byte> body, string what)
    {
        var errors = JsonPageMapper.ValueAt(body, "errors");
        if (errors is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0) return;
        var first = list[0];
        var message = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : first.GetRawText();
        var code = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object
                   && x.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (code == "ACCESS_DENIED")
        {
            // Without a named scope the sentence says "the needed scope", not "the the needed scope".
            var scope = MissingScope(first) ?? "needed";
            throw new ConnectorAuthenticationException($"Reading {what} failed: the app lacks the {scope} access scope (Shopify said: \"{message}\").",
                $"In {AppPage}, add the {scope} scope under Admin API integration, reinstall the app and paste the new token.", ConnectorErrorKind.Permission);
        }
        if (code == "MAX_COST_EXCEEDED")
            throw new ShopifyQueryTooCostlyException($"Reading {what} failed: Shopify refused the query as too costly ({message}).",
                JsonPageMapper.ValueAt(body, "errors") is { } all && all[0].TryGetProperty("extensions", out var ext) && ext.TryGetProperty("cost", out var cost)
                && cost.ValueKind == JsonValueKind.Number ? cost.GetDouble() : null);
        if (code == "THROTTLED")
            throw new ConnectorException($"Reading {what} failed: Shopify kept throttling our queries.", null, ConnectorErrorKind.Throttled);
        throw new ConnectorException($"Reading {what} failed: Shopify refused the query ({code ?? "error"}: {message}).", null, ConnectorErrorKind.Unexpected);
    }

    /// <summary>"read_orders" from <c>requiredAccess: "`read_orders` access scope."</c> or the message.</summary>
    public static string? MissingScope(JsonElement error)
    {
        var text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object
                   && x.TryGetProperty("requiredAccess", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()
            : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (text is null) return null;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"`?(?<scope>(read|write)_[a-z_]+)`?");
        return match.Success ? match.Groups["scope"].Value : null;
    }
}

/// <summary>A query asked for more than Shopify's single-query cap; <see cref="Cost"/> is what it would have cost.</summary>
public sealed class ShopifyQueryTooCostlyException(string message, double? cost) : ConnectorException(message, null, ConnectorErrorKind.Unexpected)
{
    public double? Cost { get; } = cost;
}
