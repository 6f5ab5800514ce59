using System.Net;
using System.Text.RegularExpressions;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// A Shopify store address as a merchant types it: <c>https://{shop}.myshopify.com</c>, the shop's own domain, or
/// either with <c>/admin…</c> pasted from the browser. An address ending in <c>/admin/api/2026-07</c> also picks the
/// store's API version (the per-store setting; otherwise the connector's default). <c>https</c> only, except loopback
/// hosts (127.0.0.0/8, localhost, [::1]), which may use http for sandboxes and tests.
/// </summary>
public static partial class ShopifyAddress
{
    /// <summary>The shop root (ending in /) and the API version to use.</summary>
    /// <exception cref="ConnectorException">The address is not http(s), or plain http to a non-loopback host.</exception>
    public static (Uri Shop, string Version) Parse(string address, string? version)
    {
        if (Problem(address) is { } problem) throw new ConnectorException(problem, null, ConnectorErrorKind.NotFound);
        var url = new Uri(address.Trim());
        var path = url.AbsolutePath.TrimEnd('/');
        var match = AdminPath().Match(path);
        if (match.Success)
        {
            path = path[..match.Index];
            if (match.Groups["version"].Success && version is null) version = match.Groups["version"].Value;
        }
        var root = new UriBuilder(url) { Path = path + "/", Query = "", Fragment = "" }.Uri;
        return (root, version ?? ShopifyConnectorOptions.DefaultApiVersion);
    }

    /// <summary>What is wrong with the address for Shopify, or null (the wizard and the CLI show it).</summary>
    public static string? Problem(string address)
    {
        if (!Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return $"'{address}' is not a web address. Use the shop's address, e.g. https://your-shop.myshopify.com.";
        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
            return $"Shopify is reached over https only: use https://{url.Authority}{url.AbsolutePath.TrimEnd('/')}.";
        if (AdminPath().Match(url.AbsolutePath.TrimEnd('/')) is { Success: true, Groups: var g } && g["version"].Success && !VersionFormat().IsMatch(g["version"].Value))
            return $"'{g["version"].Value}' is not a Shopify API version; versions are quarterly, e.g. {ShopifyConnectorOptions.DefaultApiVersion}.";
        return null;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    [GeneratedRegex(@"/admin(/api(/(?<version>[^/]+))?(/graphql\.json)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AdminPath();

    [GeneratedRegex(@"^\d{4}-(01|04|07|10)$|^unstable$")]
    private static partial Regex VersionFormat();
}
