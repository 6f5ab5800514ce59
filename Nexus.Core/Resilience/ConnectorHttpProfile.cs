using System.Net;
using Nexus.Core.Platforms;

namespace Nexus.Core.Resilience;

/// <summary>A store's error answer, explained for a merchant: what kind of failure, what happened, what to do.</summary>
public sealed record ConnectorError(ConnectorErrorKind Kind, string Summary, string Fix)
{
    /// <summary>The kind a status code means when the platform has nothing more specific to say.</summary>
    public static ConnectorErrorKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => ConnectorErrorKind.Authentication,
        HttpStatusCode.Forbidden => ConnectorErrorKind.Permission,
        HttpStatusCode.NotFound or HttpStatusCode.Gone => ConnectorErrorKind.NotFound,
        HttpStatusCode.TooManyRequests => ConnectorErrorKind.Throttled,
        _ when (int)status >= 500 => ConnectorErrorKind.Server,
        _ => ConnectorErrorKind.Unexpected,
    };

    /// <summary>Wording for platforms without their own: by status code.</summary>
    public static ConnectorError Generic(HttpStatusCode status) => KindOf(status) switch
    {
        ConnectorErrorKind.Authentication => new(ConnectorErrorKind.Authentication, "The store rejected the credentials.", "Check the credentials in the store's settings and update them in Nexus."),
        ConnectorErrorKind.Permission => new(ConnectorErrorKind.Permission, "The credentials may not read this data.", "Give the API access read permission, then try again."),
        ConnectorErrorKind.NotFound => new(ConnectorErrorKind.NotFound, $"The store answered HTTP {(int)status}: nothing at this address.", "Check the store address."),
        ConnectorErrorKind.Throttled => new(ConnectorErrorKind.Throttled, "The store is limiting our requests (HTTP 429).", "Wait a minute and try again, or lower this store's request budget."),
        ConnectorErrorKind.Server => new(ConnectorErrorKind.Server, $"The store's server failed (HTTP {(int)status}).", "Try again later; if it persists, ask the store's host."),
        _ => new(ConnectorErrorKind.Unexpected, $"The store answered HTTP {(int)status}.", "Check the store address and credentials, then try again."),
    };
}

/// <summary>
/// What a platform plugs into the shared connector HTTP pipeline (<see cref="ConnectorHttpClient"/>): how to sign a request
/// (called afresh for every attempt, so single-use nonces stay single-use), which answers mean "slow down" besides 429, and
/// how to explain error answers in its own terms. Everything else (budget, retries, breaker, timeouts, typed errors) is shared.
/// </summary>
public sealed class ConnectorHttpProfile
{
    /// <summary>The auth hook: an authenticated GET of <c>uri</c>.</summary>
    public required Func<Uri, HttpRequestMessage> CreateGet { get; init; }

    /// <summary>
    /// The platform's throttle signal on a successful answer (e.g. Shopify's call-limit header at its ceiling): how long to
    /// wait before retrying, or null when the answer is fine. Reads status and headers only; the body belongs to the reader.
    /// </summary>
    public Func<HttpResponseMessage, TimeSpan?>? ThrottleSignal { get; init; }

    /// <summary>Reads an error answer (status ≥ 400) and explains it; the default explains by status code.</summary>
    public Func<HttpResponseMessage, CancellationToken, Task<ConnectorError>> ExplainError { get; init; } =
        (response, _) => Task.FromResult(ConnectorError.Generic(response.StatusCode));
}
