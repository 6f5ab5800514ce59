using System.Globalization;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Platforms.WooCommerce.Auth;
using Nexus.Core.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>A read body plus WooCommerce's paging headers (X-WP-TotalPages, X-WP-Total), when sent.</summary>
public sealed record WooResponse<T>(T Value, int? TotalPages, long? Total);

/// <summary>
/// GETs below {BaseUrl}/wp-json/wc/v3/: every attempt takes a token from the store's budget, is signed afresh
/// (OAuth nonces are single-use) and runs inside the store's resilience pipeline. The body is read and mapped
/// inside the attempt, so a truncated or HTML page is an outcome the pipeline retries like a 503. What is
/// still wrong after that becomes a <see cref="ConnectorAuthenticationException"/> or <see cref="ConnectorException"/>
/// whose message names what was fetched, never a URL with credentials.
/// </summary>
public sealed class WooApiClient(
    HttpClient http, Uri apiRoot, WooRequestAuthenticator authenticator, RequestBudget budget,
    ResiliencePipeline<HttpResponseMessage> pipeline, RequestCounters counters, TimeProvider time, ConnectorResilienceOptions resilience,
    ResponseBodyLimits? bodyLimits = null)
{
    private readonly ResponseBodyLimits _limits = bodyLimits ?? new ResponseBodyLimits();

    public Uri ApiRoot => apiRoot;

    public ResponseBodyLimits BodyLimits => _limits;

    /// <summary>Fetches <paramref name="relative"/> (e.g. "orders?page=2") and reads its body with <paramref name="read"/>.</summary>
    /// <param name="what">For messages: "orders page 2".</param>
    /// <param name="kind">Which body size limit applies (<see cref="ResponseBodyLimits"/>).</param>
    public async Task<WooResponse<T>> GetAsync<T>(string relative, string what, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken,
        ResponseBodyKind kind = ResponseBodyKind.Page)
    {
        var uri = new Uri(apiRoot, relative);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectorPipelineFactory.CountersKey, counters);
        T? value = default;
        try
        {
            using var response = await pipeline.ExecuteAsync(async ctx =>
            {
                var attempt = await SendOnceAsync(uri, ctx.CancellationToken).ConfigureAwait(false);
                if (!attempt.IsSuccessStatusCode) return attempt;
                try
                {
                    await using var body = await ResponseBodyLimit.OpenAsync(attempt, kind, _limits, ctx.CancellationToken).ConfigureAwait(false);
                    value = await read(body, ctx.CancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    attempt.Dispose(); // the pipeline sees the exception, nobody else sees this response
                    throw;
                }
                return attempt;
            }, context).ConfigureAwait(false);

            if (!response.IsSuccessStatusCode)
            {
                var error = await WooApiError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
                var (summary, fix) = error.Explain();
                if (error.IsAuthentication) throw new ConnectorAuthenticationException($"Reading {what} failed: {summary}", fix);
                throw new ConnectorException($"Reading {what} failed: {summary} {fix}");
            }
            return new WooResponse<T>(value!, Header(response, "X-WP-TotalPages") is { } pages ? (int)pages : null, Header(response, "X-WP-Total"));
        }
        catch (MalformedPageException ex)
        {
            throw new ConnectorException($"Reading {what} failed: the store kept sending an unreadable page ({ex.Message}) after {resilience.MaxRetryAttempts + 1} attempts. "
                + "A plugin may be printing PHP errors into API responses; check the site's error log.", ex);
        }
        catch (ResponseBodyTooLargeException ex)
        {
            throw new ConnectorException($"Reading {what} failed: {ex.Message} Nexus stopped reading it to protect itself; "
                + "a real store does not send this much in one answer, so check the store address (or raise Nexus:Connectors:BodyLimits).", ex);
        }
        catch (RedirectRefusedException ex)
        {
            throw new ConnectorException($"Reading {what} failed: {ex.Message}", ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException blocked)
        {
            throw new ConnectorException($"Reading {what} failed: {blocked.Message}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ConnectorException($"Reading {what} failed: the store did not answer in time after retries.", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ConnectorException($"Reading {what} failed: the store has been failing repeatedly, so requests are paused for {resilience.BreakerBreakDuration.TotalSeconds:0} s.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ConnectorException($"Reading {what} failed: could not reach {apiRoot.Host} ({ex.GetType().Name}).", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt, no retries: takes a budget token, counts the request and feeds 429s back into the budget.
    /// Redirects to the same origin are followed (each hop signed and budgeted); any other redirect throws
    /// <see cref="RedirectRefusedException"/>.
    /// </summary>
    public Task<HttpResponseMessage> SendOnceAsync(Uri uri, CancellationToken cancellationToken)
        => SameOriginRedirects.SendAsync(uri, SendSignedAsync, cancellationToken);

    private async Task<HttpResponseMessage> SendSignedAsync(Uri uri, CancellationToken cancellationToken)
    {
        await budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        counters.Request();
        using var request = authenticator.CreateGet(uri);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            counters.Throttle();
            budget.Throttled(ConnectorPipelineFactory.RetryAfter(response, time, resilience.MaxRetryAfter));
        }
        else if (response.IsSuccessStatusCode)
            budget.Succeeded();
        return response;
    }

    private static long? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values)
           && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
