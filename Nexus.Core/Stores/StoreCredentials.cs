namespace Nexus.Core.Stores;

/// <summary>
/// What a connector needs to authenticate: WooCommerce's consumer key and secret, Shopify's access token (in
/// <see cref="Key"/>), Magento's integration token. Never logged; <see cref="ToString"/> is redacted on purpose.
/// </summary>
public sealed record StoreCredentials(string Key, string Secret)
{
    public override string ToString() => $"StoreCredentials {{ Key = {Redact(Key)}, Secret = *** }}";

    /// <summary>Enough of a key for a person to recognise it (<c>ck_12…ab</c>), never enough to use it.</summary>
    public static string Redact(string value) =>
        value.Length <= 8 ? "***" : $"{value[..5]}…{value[^2..]}";
}
