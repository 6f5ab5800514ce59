namespace Nexus.Core.Stores;

/// <summary>
/// When two registrations are the same shop: the same platform at the same address, written however the merchant typed
/// it. Connecting a shop twice would sync every order twice and double every figure, so <see cref="StoreService"/>
/// refuses it within an account (another account may connect the same shop: its figures are its own).
/// </summary>
public static class StoreIdentity
{
    /// <summary>
    /// The address reduced to what names the shop: host (lower case, without a leading <c>www.</c>), a port other than
    /// the scheme's default, and the path without a trailing slash, compared case-insensitively. The scheme is left out
    /// because http:// and https:// of one host are one shop; so is <c>www.</c>, which every platform redirects.
    /// </summary>
    public static string Key(string platform, Uri address)
    {
        var host = address.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var port = address.IsDefaultPort ? "" : ":" + address.Port;
        var path = Uri.UnescapeDataString(address.AbsolutePath).TrimEnd('/').ToLowerInvariant();
        return $"{platform.ToLowerInvariant()}|{host}{port}{path}";
    }

    /// <summary>The key of a stored store, or null for one without an address (fed by uploaded files: never a duplicate).</summary>
    public static string? Key(ConnectedStore store) =>
        store.BaseUrl.Length > 0 && Uri.TryCreate(store.BaseUrl, UriKind.Absolute, out var url) ? Key(store.Platform, url) : null;

    public static string AlreadyConnected(ConnectedStore existing) =>
        $"This store is already connected as \"{existing.Name}\" ({existing.BaseUrl}). Connecting it twice would count every order twice; " +
        "open that store to change its settings, or delete it first.";
}
