using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>The bodies Shopify answers with outside a normal GraphQL result: auth, routing, throttling and outages.</summary>
internal static class ShopifyResponses
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string InvalidToken = "[API] Invalid API key or access token (unrecognized login or wrong password)";

    // What a shop's edge serves when the platform is down; the markup is Shopify's outage page, shortened.
    private const string ServerErrorPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Internal Server Error</title></head><body>" +
        "<div class=\"page\"><h1>There was a problem loading this website</h1><p>Try refreshing the page.</p>" +
        "<p>If the site still doesn't load, please try again in a few minutes.</p></div></body></html>";
    private const string BadGatewayPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>502 Bad Gateway</title></head><body>" +
        "<h1>502 Bad Gateway</h1><p>There was a problem loading this website. Please try again.</p></body></html>";
    private const string UnavailablePage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service Unavailable</title></head><body>" +
        "<h1>503 Service Unavailable</h1><p>There was a problem loading this website. Please check back soon.</p></body></html>";

    public static Task Json(HttpResponse response, int status, object body, CancellationToken ct)
    {
        response.StatusCode = status;
        return Write(response, JsonSerializer.SerializeToUtf8Bytes(body), JsonType, ct);
    }

    public static async Task Write(HttpResponse response, byte[] body, string contentType, CancellationToken ct)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    public static Task Unauthorized(HttpResponse response, CancellationToken ct) =>
        Json(response, 401, new Dictionary<string, object> { ["errors"] = InvalidToken }, ct);

    public static Task NotFound(HttpResponse response, CancellationToken ct) =>
        Json(response, 404, new Dictionary<string, object> { ["errors"] = "Not Found" }, ct);

    public static Task Html(HttpResponse response, int status, CancellationToken ct, string? retryAfter = null)
    {
        response.StatusCode = status;
        if (retryAfter is not null) response.Headers.RetryAfter = retryAfter;
        var page = status switch { 502 => BadGatewayPage, 503 => UnavailablePage, _ => ServerErrorPage };
        return Write(response, Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8", ct);
    }

    /// <summary>The cost extension every GraphQL response carries.</summary>
    public static Dictionary<string, object?> Cost(int requested, int? actual, ThrottleStatus status) => new()
    {
        ["requestedQueryCost"] = requested,
        ["actualQueryCost"] = actual,
        ["throttleStatus"] = new Dictionary<string, object>
        {
            ["maximumAvailable"] = status.MaximumAvailable,
            ["currentlyAvailable"] = (int)status.CurrentlyAvailable,
            ["restoreRate"] = status.RestoreRate,
        },
    };

    /// <summary>HTTP 200 with the THROTTLED error, as captured from a real shop (see Nexus.Tests fixture shopify-graphql/throttled.json).</summary>
    public static Task Throttled(HttpResponse response, int requested, ThrottleStatus status, CancellationToken ct) =>
        Json(response, 200, new Dictionary<string, object?>
        {
            ["errors"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["message"] = "Throttled",
                    ["extensions"] = new Dictionary<string, object?> { ["code"] = "THROTTLED", ["documentation"] = "https://shopify.dev/api/usage/rate-limits" },
                },
            },
            ["extensions"] = new Dictionary<string, object?> { ["cost"] = Cost(requested, null, status) },
        }, ct);

    /// <summary>One error Shopify refuses a query with before running it (cost cap, page size, syntax).</summary>
    public static Task QueryError(HttpResponse response, string message, Dictionary<string, object?> extensions, CancellationToken ct) =>
        Json(response, 200, new Dictionary<string, object?>
        {
            ["errors"] = new[] { new Dictionary<string, object?> { ["message"] = message, ["extensions"] = extensions } },
        }, ct);

    public static string MaxCostMessage(int cost) =>
        $"Query cost is {cost}, which exceeds the single query max cost limit ({ShopifyQueryCost.MaxQueryCost}).\n\n" +
        "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\n" +
        "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
        "See https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n";
}
