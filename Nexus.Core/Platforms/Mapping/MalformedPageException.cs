namespace Nexus.Core.Platforms.Mapping;

/// <summary>
/// The page as a whole is not usable (not JSON, truncated, or not the expected array), so no element
/// can be trusted. Unlike a bad record this is usually transient (a cut connection, a proxy error page):
/// the connector retries the request, then fails the sync.
/// </summary>
public sealed class MalformedPageException : Exception
{
    public MalformedPageException(string message, long bytePosition, Exception? innerException = null)
        : base(message, innerException)
    {
        BytePosition = bytePosition;
    }

    /// <summary>Offset in the page where reading failed.</summary>
    public long BytePosition { get; }
}
