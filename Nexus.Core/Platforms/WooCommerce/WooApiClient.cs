using System.Globalization;
using Nexus.Core.Platforms.WooCommerce.Auth;
using Nexus.Core.Resilience;
using Polly;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>A read body plus WooCommerce's paging headers (X-WP-TotalPages, X-WP-Total), when sent.</summary>
public sealed record WooResponse<T>(T Value, int? TotalPages, long? Total);

/// <summary>
/// GETs below {BaseUrl}/wp-json/wc/v3/ through the shared connector pipeline (<see cref="ConnectorHttpClient"/>):
/// WooCommerce contributes only its auth hook (signed afresh per attempt: OAuth nonces are single-use), its error wording
/// (<see cref="WooApiError"/>) and its paging headers.
/// </summary>
public sealed class WooApiClient
{
    private readonly ConnectorHttpClient _http;

    public WooApiClient(HttpClient http, Uri apiRoot, WooRequestAuthenticator authenticator, RequestBudget budget,
        ResiliencePipeline<HttpResponseMessage> pipeline, RequestCounters counters, TimeProvider time, ConnectorResilienceOptions resilience,
        ResponseBodyLimits? bodyLimits = null)
    {
        ApiRoot = apiRoot;
        _http = new ConnectorHttpClient(http, Profile(authenticator), budget, pipeline, counters, time, resilience, bodyLimits);
    }

    public Uri ApiRoot { get; }

    /// <summary>WooCommerce's plug-ins to the shared pipeline.</summary>
    public static ConnectorHttpProfile Profile(WooRequestAuthenticator authenticator) => new()
    {
        CreateGet = authenticator.CreateGet,
        ExplainError = async (response, ct) =>
        {
            var error = await WooApiError.ReadAsync(response, ct).ConfigureAwait(false);
            var (summary, fix) = error.Explain();
            return new ConnectorError(error.IsNoRoute ? ConnectorErrorKind.NotFound : ConnectorError.KindOf(error.Status), summary, fix);
        },
    };

    public ResponseBodyLimits BodyLimits => _http.BodyLimits;

    /// <summary>Fetches <paramref name="relative"/> (e.g. "orders?page=2") and reads its body with <paramref name="read"/>.</summary>
    /// <param name="what">For messages: "orders page 2".</param>
    /// <param name="kind">Which body size limit applies (<see cref="ResponseBodyLimits"/>).</param>
    public async Task<WooResponse<T>> GetAsync<T>(string relative, string what, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken,
        ResponseBodyKind kind = ResponseBodyKind.Page)
    {
        var response = await _http.GetAsync(new Uri(ApiRoot, relative), what, read, cancellationToken, kind).ConfigureAwait(false);
        return new WooResponse<T>(response.Value, Header(response.Headers, "X-WP-TotalPages") is { } pages ? (int)pages : null, Header(response.Headers, "X-WP-Total"));
    }

    /// <summary>One attempt, no retries (the connection test: the merchant is waiting).</summary>
    public Task<HttpResponseMessage> SendOnceAsync(Uri uri, CancellationToken cancellationToken) => _http.SendOnceAsync(uri, cancellationToken);

    private static long? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values)
           && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
