using System.Globalization;
using System.Net;
using System.Text.Json;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// Sits between the shared connector pipeline and the shared HttpClient for Shopify only. Shopify reports its bucket
/// in the body (<c>extensions.cost</c>) and says THROTTLED with HTTP 200, while the pipeline's throttle hook reads only
/// status and headers; so this reads each GraphQL answer once (bounded by the page size limit), feeds the bucket
/// figures to <see cref="ShopifyCostBucket"/>, and turns a THROTTLED body into the <see cref="WaitHeader"/> the
/// connector's throttle signal reads. A 429 without Retry-After gets one computed from the last known bucket.
/// </summary>
public sealed class ShopifyThrottleHandler(HttpClient inner, ShopifyCostBucket bucket, ResponseBodyLimits limits) : HttpMessageHandler
{
    /// <summary>Seconds to wait before retrying, (requested − available) / restoreRate, set on THROTTLED answers.</summary>
    public const string WaitHeader = "X-Nexus-Shopify-Throttle-Wait";

    /// <summary>The cost the connector expects of the request, so a 429 can be turned into a wait.</summary>
    public const string CostHeader = "X-Nexus-Expected-Cost";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var expected = request.Headers.TryGetValues(CostHeader, out var values) && int.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out var c) ? c : 0;
        // The outer HttpClient has marked the message as sent, so the shared client gets a copy (without our cost header).
        using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version };
        foreach (var header in request.Headers.Where(h => h.Key != CostHeader)) forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        var response = await inner.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            if (response.Headers.RetryAfter is null && bucket.Status is { } status)
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Seconds(ShopifyCostBucket.WaitFor(expected, status.Available, status.RestoreRate)));
            return response;
        }
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
            return response;

        var body = await ReadBoundedAsync(response, limits.PageBytes + 1, cancellationToken).ConfigureAwait(false);
        var replaced = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers) replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
        replaced.Headers.ContentLength = body.Length;
        response.Content.Dispose();
        response.Content = replaced;
        if (body.Length <= limits.PageBytes && Read(body) is { } cost)
        {
            if (cost.Status is { } s) bucket.Observe(s.Maximum, s.Available, s.RestoreRate);
            if (cost.Throttled && cost.Status is { } t)
                response.Headers.TryAddWithoutValidation(WaitHeader, ShopifyCostBucket.WaitFor(cost.Requested, t.Available, t.RestoreRate).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            else if (cost.Throttled)
                response.Headers.TryAddWithoutValidation(WaitHeader, "1");
        }
        return response;
    }

    /// <summary>Reads the wait a THROTTLED answer carries; null when the answer was not throttled.</summary>
    public static TimeSpan? ThrottleWait(HttpResponseMessage response) =>
        response.Headers.TryGetValues(WaitHeader, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private sealed record CostReport(double Requested, bool Throttled, (double Maximum, double Available, double RestoreRate)? Status);

    /// <summary>The cost extension and whether the errors say THROTTLED; null when the body is not a JSON object (the reader will say so).</summary>
    private static CostReport? Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var throttled = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                && errors.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("extensions", out var x)
                                                   && x.ValueKind == JsonValueKind.Object && x.TryGetProperty("code", out var code)
                                                   && code.ValueKind == JsonValueKind.String && code.GetString() == "THROTTLED");
            if (!root.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
                || !extensions.TryGetProperty("cost", out var cost) || cost.ValueKind != JsonValueKind.Object)
                return new CostReport(0, throttled, null);
            var requested = cost.TryGetProperty("requestedQueryCost", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 0;
            if (!cost.TryGetProperty("throttleStatus", out var status) || status.ValueKind != JsonValueKind.Object) return new CostReport(requested, throttled, null);
            double? Figure(string name) => status.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            return Figure("maximumAvailable") is { } max && Figure("currentlyAvailable") is { } available && Figure("restoreRate") is { } rate
                ? new CostReport(requested, throttled, (max, available, rate))
                : new CostReport(requested, throttled, null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan Seconds(TimeSpan wait) => TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, long cap, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < cap && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, cap - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
