using System.Text.Json;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>What <c>/V1/store/storeConfigs</c> says about one store view: base currency (product prices need it), time zone, base URL.</summary>
public sealed record MagentoStoreFacts(string Code, string Currency, string? TimeZone, string? BaseUrl, IReadOnlyList<string> AllCodes)
{
    public const string Resource = "store/storeConfigs";

    /// <summary>The entry of <paramref name="storeCode"/>, or null when the store has no such view.</summary>
    /// <exception cref="MalformedPageException">Not the store configs JSON (so the pipeline retries it like a broken page).</exception>
    public static async Task<MagentoStoreFacts?> ReadAsync(Stream body, string storeCode, CancellationToken cancellationToken)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new MalformedPageException($"The store configs are not valid JSON: {ex.Message}", ex.BytePositionInLine ?? 0, ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new MalformedPageException($"Expected the list of store configs, found {doc.RootElement.ValueKind}.", 0);
            var configs = doc.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
            var codes = configs.Select(c => Text(c, "code")).OfType<string>().ToArray();
            // "all" addresses every store view; its configs list them all, the default view first.
            var entry = configs.FirstOrDefault(c => Text(c, "code") == storeCode) is { ValueKind: JsonValueKind.Object } found ? found
                : storeCode == "all" && configs.Count > 0 ? configs[0] : (JsonElement?)null;
            if (entry is not { } e) return null;
            var currency = Text(e, "base_currency_code");
            if (currency is null || !Model.Money.IsIsoCurrencyCode(currency))
                throw new MalformedPageException($"The store configs have no valid base currency ('{currency}').", 0);
            return new MagentoStoreFacts(storeCode, currency, Text(e, "timezone"), Text(e, "secure_base_url") ?? Text(e, "base_url"), codes);
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
