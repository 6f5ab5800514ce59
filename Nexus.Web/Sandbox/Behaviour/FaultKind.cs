namespace Nexus.Web.Sandbox.Behaviour;

/// <summary>Failures a sandbox store can inject, to exercise a connector's resilience.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with a WooCommerce-shaped error body.</summary>
    ServerError,
    /// <summary>HTTP 502 with a proxy's HTML body.</summary>
    BadGateway,
    /// <summary>HTTP 503 with Retry-After.</summary>
    ServiceUnavailable,
    /// <summary>Never answers; the request hangs until the client gives up.</summary>
    Timeout,
    /// <summary>HTTP 200, JSON content type, body cut off halfway.</summary>
    TruncatedJson,
    /// <summary>HTTP 200 with a WordPress "critical error" HTML page instead of JSON.</summary>
    HtmlErrorPage,
    /// <summary>The correct JSON served as text/html.</summary>
    WrongContentType,
    /// <summary>A list request answered with the previous page's body (a caching proxy gone wrong).</summary>
    RepeatPreviousPage,
    /// <summary>HTTP 401 woocommerce_rest_authentication_error although the credentials are right.</summary>
    AuthFailure,
    /// <summary>Shopify: the cost bucket is emptied first (another app's burst), so the request is answered THROTTLED.</summary>
    Throttled,
}
