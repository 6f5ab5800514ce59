using System.Text.Json;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>
/// Maps the nodes of one GraphQL connection page (<c>data.{connection}.nodes</c> or <c>edges[].node</c>) record by
/// record: a node that does not map is quarantined with its raw JSON, its siblings still map. A body that is not
/// readable JSON or has no such connection throws <see cref="MalformedPageException"/>.
/// </summary>
public static class ShopifyPageMapper
{
    public static MappedPage<T> Map<T>(ReadOnlySpan<byte> utf8Json, string connection, Func<JsonElement, MappingResult<T>> map, string entityType)
        where T : class
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new MalformedPageException($"The {entityType} page is not valid JSON: {e.Message}", e.BytePositionInLine ?? 0, e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty(connection, out var page) || page.ValueKind != JsonValueKind.Object)
                throw new MalformedPageException($"The response has no data.{connection} connection.", 0);
            var mapped = new List<T>();
            List<Quarantined>? quarantined = null;
            foreach (var node in ShopifyJson.Nodes(data, connection))
            {
                var result = Record(node, map, entityType);
                if (result.IsSuccess) mapped.Add(result.Value!);
                else (quarantined ??= []).Add(new Quarantined(entityType, IdOf(node), result.RawJson ?? node.GetRawText(), result.Issues));
            }
            return new MappedPage<T>(mapped, quarantined ?? (IReadOnlyList<Quarantined>)[]);
        }
    }

    /// <summary>One record; a mapper bug on odd input is a quarantine with the reason, never a lost page.</summary>
    public static MappingResult<T> Record<T>(JsonElement node, Func<JsonElement, MappingResult<T>> map, string entityType)
        where T : class
    {
        if (node.ValueKind != JsonValueKind.Object)
            return MappingResult<T>.Failure([new MappingIssue("$", node.GetRawText(), MappingRules.JsonShape, $"The {entityType} node is not an object.")], node.GetRawText());
        try
        {
            return map(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return MappingResult<T>.Failure([new MappingIssue("$", null, MappingRules.JsonShape, e.Message)], node.GetRawText());
        }
    }

    internal static string? IdOf(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
