using System.Globalization;
using System.Net;
using System.Text.Json;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Resilience;
using Polly;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// POSTs GraphQL to <c>{shop}/admin/api/{version}/graphql.json</c> through the shared connector pipeline
/// (<see cref="ConnectorHttpClient"/>): Shopify contributes its request hook (the POST with <c>X-Shopify-Access-Token</c>,
/// built afresh per attempt), its throttle signal (THROTTLED, read by <see cref="ShopifyThrottleHandler"/>), its error
/// wording (<see cref="ShopifyApiError"/>), and the wait for the bucket to hold each query's cost before sending it.
/// </summary>
public sealed class ShopifyGraphQLClient
{
    private readonly HttpClient _http;
    private readonly string _token;
    private readonly ShopifyCostBucket _bucket;
    private readonly RequestBudget _budget;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RequestCounters _counters;
    private readonly TimeProvider _time;
    private readonly ConnectorResilienceOptions _resilience;
    private readonly ResponseBodyLimits _limits;

    public ShopifyGraphQLClient(HttpClient http, Uri endpoint, string token, ShopifyCostBucket bucket, RequestBudget budget,
        ResiliencePipeline<HttpResponseMessage> pipeline, RequestCounters counters, TimeProvider time, ConnectorResilienceOptions resilience, ResponseBodyLimits limits)
    {
        Endpoint = endpoint;
        _http = new HttpClient(new ShopifyThrottleHandler(http, bucket, limits)) { Timeout = Timeout.InfiniteTimeSpan };
        (_token, _bucket, _budget, _pipeline, _counters, _time, _resilience, _limits) = (token, bucket, budget, pipeline, counters, time, resilience, limits);
    }

    public Uri Endpoint { get; }

    public ResponseBodyLimits BodyLimits => _limits;

    public ConnectorResilienceOptions Resilience => _resilience;

    /// <summary>
    /// Runs <paramref name="query"/> once the bucket holds <paramref name="expectedCost"/>, retrying what is transient,
    /// and hands the body's bytes (a GraphQL answer without errors) to <paramref name="read"/>.
    /// </summary>
    /// <param name="what">For messages: "orders page 2".</param>
    public async Task<T> QueryAsync<T>(string query, object? variables, int expectedCost, string what, Func<byte[], T> read, CancellationToken cancellationToken)
    {
        await _bucket.WaitForAsync(expectedCost, cancellationToken).ConfigureAwait(false);
        var client = new ConnectorHttpClient(_http, Profile(Body(query, variables), expectedCost), _budget, _pipeline, _counters, _time, _resilience, _limits);
        var response = await client.GetAsync(Endpoint, what, async (body, ct) =>
        {
            var (buffer, length) = await JsonPageMapper.ReadAllAsync(body, "GraphQL", ct).ConfigureAwait(false);
            try
            {
                var bytes = buffer.AsSpan(0, length).ToArray();
                ShopifyApiError.ThrowIfErrors(bytes, what);
                return read(bytes);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>One attempt, no retries and no bucket wait (the connection test: the merchant is waiting).</summary>
    /// <param name="endpoint">Another endpoint of the same shop (the tester's probe of another API version); default <see cref="Endpoint"/>.</param>
    public Task<HttpResponseMessage> SendOnceAsync(string query, CancellationToken cancellationToken, Uri? endpoint = null) =>
        new ConnectorHttpClient(_http, Profile(Body(query, null), 0), _budget, _pipeline, _counters, _time, _resilience, _limits).SendOnceAsync(endpoint ?? Endpoint, cancellationToken);

    public static byte[] Body(string query, object? variables) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables });

    /// <summary>Shopify's plug-ins to the shared pipeline; the "GET" hook builds the GraphQL POST (the body is fixed per query).</summary>
    private ConnectorHttpProfile Profile(byte[] body, int expectedCost) => new()
    {
        CreateGet = uri =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Shopify-Access-Token", _token);
            request.Headers.Add(ShopifyThrottleHandler.CostHeader, expectedCost.ToString(CultureInfo.InvariantCulture));
            return request;
        },
        ThrottleSignal = ShopifyThrottleHandler.ThrottleWait,
        ExplainError = async (response, ct) => (await ShopifyApiError.ReadAsync(response, ct).ConfigureAwait(false)).Explain(),
    };
}
