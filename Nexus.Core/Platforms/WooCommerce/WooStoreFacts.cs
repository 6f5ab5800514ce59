using System.Text.Json;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.WooCommerce;

/// <summary>What /wp-json/wc/v3/system_status says about the store: currency (products need it), versions, address.</summary>
public sealed record WooStoreFacts(string Currency, string? WooCommerceVersion, string? WordPressVersion, string? HomeUrl)
{
    public const string Resource = "system_status";

    /// <exception cref="MalformedPageException">Not the system status JSON (so the pipeline retries it like a broken page).</exception>
    public static async Task<WooStoreFacts> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new MalformedPageException($"The system status is not valid JSON: {ex.Message}", ex.BytePositionInLine ?? 0, ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new MalformedPageException($"Expected the system status object, found {root.ValueKind}.", 0);
            var currency = Text(root, "settings", "currency");
            if (currency is null || !Model.Money.IsIsoCurrencyCode(currency))
                throw new MalformedPageException($"The system status has no valid store currency ('{currency}').", 0);
            return new WooStoreFacts(currency, Text(root, "environment", "version"), Text(root, "environment", "wp_version"), Text(root, "environment", "home_url"));
        }
    }

    private static string? Text(JsonElement root, string section, string name)
        => root.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object
           && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
