namespace Nexus.Core.Stores;

/// <summary>
/// A store's web address as merchants type it: "shop.example.com" means https://shop.example.com (every store
/// platform serves its API over HTTPS; http must be typed out, as for a local test store). Trailing slashes go.
/// </summary>
public static class StoreAddress
{
    public const string Example = "https://shop.example.com";

    /// <summary>The normalised address, or null when the text is not an http(s) web address.</summary>
    public static string? Normalize(string? typed)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(url.Host))
        {
            return null;
        }
        return url.ToString().TrimEnd('/');
    }

    /// <summary>The normalised address, or an <see cref="ArgumentException"/> saying what a valid one looks like.</summary>
    public static string Require(string? typed, string parameterName) => Normalize(typed)
        ?? throw new ArgumentException($"'{typed}' is not a web address. Use the store's address, e.g. {Example}.", parameterName);
}
