namespace Nexus.Core.Platforms;

/// <summary>What kind of failure a connector hit, so the sync, the UI and the CLI can react without parsing messages.</summary>
public enum ConnectorErrorKind
{
    /// <summary>The store rejected the credentials.</summary>
    Authentication,

    /// <summary>The credentials are valid but may not read this data.</summary>
    Permission,

    /// <summary>The address or resource does not exist (wrong URL, API switched off).</summary>
    NotFound,

    /// <summary>The store kept limiting our requests after every retry.</summary>
    Throttled,

    /// <summary>The store's server failed (5xx) after retries, or its circuit breaker is open.</summary>
    Server,

    /// <summary>The store kept sending a page that is not the JSON it should be.</summary>
    Malformed,

    /// <summary>Nothing answered at the address (DNS, connection refused, TLS).</summary>
    Unreachable,

    /// <summary>The store did not answer in time after retries.</summary>
    Timeout,

    /// <summary>Any other answer the store should not have given.</summary>
    Unexpected,
}

/// <summary>
/// The store could not be read after the HTTP pipeline's retries; <see cref="ConnectorException.Message"/> says what
/// was being read and what happened in the merchant's words, <see cref="Kind"/> what kind of failure it was.
/// </summary>
public class ConnectorException(string message, Exception? inner = null, ConnectorErrorKind kind = ConnectorErrorKind.Unexpected) : Exception(message, inner)
{
    public ConnectorErrorKind Kind { get; } = kind;

    /// <summary>True when retrying later cannot help: the merchant must change something first.</summary>
    public virtual bool NeedsMerchant => Kind is ConnectorErrorKind.Authentication or ConnectorErrorKind.Permission or ConnectorErrorKind.NotFound;
}

/// <summary>A failure the merchant must fix (wrong key, no permission): retrying will not help, so syncs stop at once.</summary>
public sealed class ConnectorAuthenticationException(string message, string fix, ConnectorErrorKind kind = ConnectorErrorKind.Authentication)
    : ConnectorException(message, null, kind)
{
    public string Fix { get; } = fix;

    public override bool NeedsMerchant => true;
}
