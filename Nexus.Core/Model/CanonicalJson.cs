using System.Text.Json;

namespace Nexus.Core.Model;

/// <summary>
/// How canonical records are written as JSON: stored payloads, quarantined records and exports. Non-ASCII text is kept
/// as UTF-8 rather than \u-escaped: names from many countries stay readable in exports and take fewer bytes. Payloads
/// are data, never embedded in HTML.
/// </summary>
public static class CanonicalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new MoneyJsonConverter(), new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
