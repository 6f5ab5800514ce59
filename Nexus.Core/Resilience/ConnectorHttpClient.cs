using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Nexus.Core.Resilience;

/// <summary>An answer read inside the pipeline, with its headers (paging totals, cursors live there on some platforms).</summary>
public sealed record ConnectorResponse<T>(T Value, System.Net.Http.Headers.HttpResponseHeaders Headers);

/// <summary>
/// The one HTTP path of every connector: each attempt takes a token from the store's budget, is authenticated afresh by the
/// platform's hook and runs inside the store's resilience pipeline. The body is read and mapped inside the attempt, so a
/// truncated or HTML page is an outcome the pipeline retries like a 503. What is still wrong after that becomes a
/// <see cref="ConnectorException"/> of the right <see cref="ConnectorErrorKind"/> whose message names what was fetched,
/// never a URL with credentials.
/// </summary>
public sealed class ConnectorHttpClient(
    HttpClient http, ConnectorHttpProfile profile, RequestBudget budget, ResiliencePipeline<HttpResponseMessage> pipeline,
    RequestCounters counters, TimeProvider time, ConnectorResilienceOptions resilience, ResponseBodyLimits? bodyLimits = null)
{
    private readonly ResponseBodyLimits _limits = bodyLimits ?? new ResponseBodyLimits();

    public RequestCounters Counters => counters;

    /// <summary>How much of each kind of answer Nexus reads before refusing it.</summary>
    public ResponseBodyLimits BodyLimits => _limits;

    public ConnectorResilienceOptions Resilience => resilience;

    /// <summary>GETs <paramref name="uri"/> and reads its body with <paramref name="read"/>, retrying what is transient.</summary>
    /// <param name="what">For messages: "orders page 2".</param>
    /// <param name="kind">Which body size limit applies (<see cref="ResponseBodyLimits"/>).</param>
    public async Task<ConnectorResponse<T>> GetAsync<T>(Uri uri, string what, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken,
        ResponseBodyKind kind = ResponseBodyKind.Page)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectorPipelineFactory.CountersKey, counters);
        if (profile.ThrottleSignal is { } signal) context.Properties.Set(ConnectorPipelineFactory.ThrottleSignalKey, signal);
        T? value = default;
        try
        {
            using var response = await pipeline.ExecuteAsync(async ctx =>
            {
                var attempt = await SendOnceAsync(uri, ctx.CancellationToken).ConfigureAwait(false);
                if (!attempt.IsSuccessStatusCode || profile.ThrottleSignal?.Invoke(attempt) is not null) return attempt;
                try
                {
                    await using var body = await OpenBodyAsync(attempt, kind, _limits, ctx.CancellationToken).ConfigureAwait(false);
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
                var error = await profile.ExplainError(response, cancellationToken).ConfigureAwait(false);
                if (error.Kind is ConnectorErrorKind.Authentication or ConnectorErrorKind.Permission)
                    throw new ConnectorAuthenticationException($"Reading {what} failed: {error.Summary}", error.Fix, error.Kind);
                throw new ConnectorException($"Reading {what} failed: {error.Summary} {error.Fix}", null, error.Kind);
            }
            if (profile.ThrottleSignal?.Invoke(response) is not null)
                throw new ConnectorException($"Reading {what} failed: the store kept limiting our requests after {resilience.MaxRetryAttempts + 1} attempts. "
                    + "Lower this store's request budget or sync at a quieter time.", null, ConnectorErrorKind.Throttled);
            return new ConnectorResponse<T>(value!, response.Headers);
        }
        catch (MalformedPageException ex)
        {
            throw new ConnectorException($"Reading {what} failed: the store kept sending an unreadable page ({ex.Message}) after {resilience.MaxRetryAttempts + 1} attempts. "
                + "A plugin or proxy may be rewriting API responses; check the site's error log.", ex, ConnectorErrorKind.Malformed);
        }
        catch (ResponseBodyTooLargeException ex)
        {
            throw new ConnectorException($"Reading {what} failed: {ex.Message} Nexus stopped reading it to protect itself; "
                + "a real store does not send this much in one answer, so check the store address (or raise Nexus:Connectors:BodyLimits).", ex, ConnectorErrorKind.Malformed);
        }
        catch (RedirectRefusedException ex)
        {
            throw new ConnectorException($"Reading {what} failed: {ex.Message}", ex, ConnectorErrorKind.NotFound);
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException blocked)
        {
            throw new ConnectorException($"Reading {what} failed: {blocked.Message}", ex, ConnectorErrorKind.Unreachable);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ConnectorException($"Reading {what} failed: the store did not answer in time after retries.", ex, ConnectorErrorKind.Timeout);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ConnectorException($"Reading {what} failed: the store has been failing repeatedly, so requests are paused for {resilience.BreakerBreakDuration.TotalSeconds:0} s.", ex, ConnectorErrorKind.Server);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ConnectorException($"Reading {what} failed: could not reach {uri.Host} ({ex.GetType().Name}).", ex, ConnectorErrorKind.Unreachable);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt, no retries. Redirects to the same origin are followed (each hop authenticated and budgeted); any
    /// other redirect throws <see cref="RedirectRefusedException"/>, since following it would send credentials elsewhere.
    /// </summary>
    public Task<HttpResponseMessage> SendOnceAsync(Uri uri, CancellationToken cancellationToken)
        => SameOriginRedirects.SendAsync(uri, SendAuthenticatedAsync, cancellationToken);

    /// <summary>One request: takes a budget token, counts the request and feeds 429s and throttle signals back into the budget.</summary>
    private async Task<HttpResponseMessage> SendAuthenticatedAsync(Uri uri, CancellationToken cancellationToken)
    {
        await budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        counters.Request();
        using var request = profile.CreateGet(uri);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            counters.Throttle();
            await budget.ThrottledAsync(ConnectorPipelineFactory.RetryAfter(response, time, resilience.MaxRetryAfter), cancellationToken).ConfigureAwait(false);
        }
        else if (response.IsSuccessStatusCode && profile.ThrottleSignal?.Invoke(response) is { } wait)
        {
            counters.Throttle();
            await budget.ThrottledAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        else if (response.IsSuccessStatusCode)
            budget.Succeeded();
        return response;
    }

    /// <summary>
    /// Where every response body is opened for reading, through the size limit of its kind, so every connector and the
    /// connection tests read through it.
    /// </summary>
    public static Task<Stream> OpenBodyAsync(HttpResponseMessage response, ResponseBodyKind kind, ResponseBodyLimits limits, CancellationToken cancellationToken) =>
        ResponseBodyLimit.OpenAsync(response, kind, limits, cancellationToken);
}
