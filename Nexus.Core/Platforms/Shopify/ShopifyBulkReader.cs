using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Shopify;

/// <summary>One top-level object of a bulk result with its children put back, or a line that could not be placed.</summary>
/// <param name="Json">The record in the shape of a paged GraphQL node (children under <c>{field: {nodes: […]}}</c>), UTF-8.</param>
public sealed record BulkRecord(string? Id, byte[] Json, IReadOnlyList<MappingIssue> Issues)
{
    public bool IsAssembled => Issues.Count == 0;
}

/// <summary>
/// Streams a bulk operation's JSON Lines result and reassembles each top-level object with the lines that name it
/// (or one of its nested objects) in <c>__parentId</c>. Shopify writes children after their parent but not always
/// right after it, so the last <see cref="Window"/> top-level objects stay open; one is handed out when it leaves
/// the window or the file ends. Memory is bounded by the window, not the file: a million orders stream through.
/// A child whose parent is not open (missing, or further back than the window) comes out as a failed record with
/// its raw line, so nothing is dropped silently.
/// </summary>
public sealed class ShopifyBulkReader(IReadOnlyDictionary<string, string>? childConnections = null, int window = 256)
{
    /// <summary>Which connection field a child of each GID type belongs to on its parent.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultChildConnections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LineItem"] = "lineItems", ["ShippingLine"] = "shippingLines", ["RefundLineItem"] = "refundLineItems",
        ["ProductVariant"] = "variants", ["Fulfillment"] = "fulfillments", ["Metafield"] = "metafields",
    };

    private readonly IReadOnlyDictionary<string, string> _connections = childConnections ?? DefaultChildConnections;

    public int Window => window;

    public async IAsyncEnumerable<BulkRecord> ReadAsync(Stream jsonLines, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pipe = PipeReader.Create(jsonLines, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var open = new Queue<Group>();
        var owners = new Dictionary<string, Group>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var ready = new List<BulkRecord>();
            while (TryTakeLine(ref buffer, out var line))
            {
                lineNumber++;
                if (line.IsEmpty) continue;
                ready.AddRange(Accept(line.IsSingleSegment ? line.FirstSpan : line.ToArray(), lineNumber, open, owners));
            }
            if (read.IsCompleted && !buffer.IsEmpty)
            {
                lineNumber++;
                ready.AddRange(Accept(buffer.ToArray(), lineNumber, open, owners));
                buffer = buffer.Slice(buffer.End);
            }
            pipe.AdvanceTo(buffer.Start, buffer.End);
            foreach (var record in ready) yield return record;
            if (read.IsCompleted) break;
        }
        await pipe.CompleteAsync().ConfigureAwait(false);
        while (open.Count > 0) yield return Close(open.Dequeue(), owners);
    }

    /// <summary>Maps every record with a per-record mapper; unplaced lines and unmappable records come back quarantined.</summary>
    public async IAsyncEnumerable<(T? Value, Quarantined? Quarantined)> MapAsync<T>(Stream jsonLines, Func<JsonElement, MappingResult<T>> map, string entityType,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        await foreach (var record in ReadAsync(jsonLines, cancellationToken).ConfigureAwait(false))
        {
            if (!record.IsAssembled)
            {
                yield return (null, new Quarantined(entityType, record.Id, Encoding.UTF8.GetString(record.Json), record.Issues));
                continue;
            }
            using var document = JsonDocument.Parse(record.Json);
            var result = ShopifyPageMapper.Record(document.RootElement, map, entityType);
            yield return result.IsSuccess
                ? (result.Value, null)
                : (null, new Quarantined(entityType, record.Id, result.RawJson ?? Encoding.UTF8.GetString(record.Json), result.Issues));
        }
    }

    private IEnumerable<BulkRecord> Accept(ReadOnlySpan<byte> line, int lineNumber, Queue<Group> open, Dictionary<string, Group> owners)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(line);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return [Unplaced(null, line, $"Line {lineNumber} is not valid JSON: {e.Message}", MappingRules.JsonShape)];
        }
        var obj = document.RootElement;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return [Unplaced(null, line, $"Line {lineNumber} is not a JSON object.", MappingRules.JsonShape)];
        }

        var id = obj.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        if (!obj.TryGetProperty("__parentId", out var parentValue))
        {
            var group = new Group(id, document);
            open.Enqueue(group);
            Index(group, obj, owners);
            return open.Count > window ? [Close(open.Dequeue(), owners)] : [];
        }

        var parentId = parentValue.ValueKind == JsonValueKind.String ? parentValue.GetString() : null;
        if (parentId is null || !owners.TryGetValue(parentId, out var owner))
        {
            document.Dispose();
            return [Unplaced(id, line, $"Line {lineNumber}: its parent {parentId} is not among the last {window} top-level objects (missing, or the file is out of order).", "bulk-orphan")];
        }
        var type = TypeOf(id) ?? (obj.TryGetProperty("__typename", out var typename) && typename.ValueKind == JsonValueKind.String ? typename.GetString() : null);
        if (type is null || !_connections.TryGetValue(type, out var field))
        {
            document.Dispose();
            return [Unplaced(id, line, $"Line {lineNumber}: no known connection holds a child of type {type ?? "(no id or __typename)"}.", "bulk-child-type")];
        }
        owner.AddChild(parentId, field, document);
        Index(owner, obj, owners);
        return [];
    }

    /// <summary>Every object with an id inside a line can be a parent (refunds inside an order are).</summary>
    private static void Index(Group group, JsonElement element, Dictionary<string, Group> owners)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        if (property.NameEquals("id"u8)) owners[property.Value.GetString()!] = group;
                    }
                    else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        Index(group, property.Value, owners);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Index(group, item, owners);
                break;
        }
    }

    private static BulkRecord Close(Group group, Dictionary<string, Group> owners)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
            group.Write(writer, group.Root.RootElement, owners);
        group.Dispose();
        return new BulkRecord(group.Id, buffer.WrittenSpan.ToArray(), []);
    }

    private static BulkRecord Unplaced(string? id, ReadOnlySpan<byte> line, string message, string rule) =>
        new(id, line.ToArray(), [new MappingIssue("__parentId", id, rule, message)]);

    private static string? TypeOf(string? gid)
    {
        if (gid is null || !gid.StartsWith("gid://shopify/", StringComparison.Ordinal)) return null;
        var rest = gid.AsSpan("gid://shopify/".Length);
        var slash = rest.IndexOf('/');
        return slash <= 0 ? null : rest[..slash].ToString();
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            line = default;
            return false;
        }
        line = buffer.Slice(0, position.Value);
        if (!line.IsEmpty && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r') line = line.Slice(0, line.Length - 1);
        buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
        return true;
    }

    /// <summary>A top-level object and the child lines found for it (or its nested objects) so far.</summary>
    private sealed class Group(string? id, JsonDocument root) : IDisposable
    {
        private readonly List<JsonDocument> _documents = [root];
        private Dictionary<string, List<(string Field, JsonDocument Child)>>? _children;

        public string? Id => id;
        public JsonDocument Root => root;

        public void AddChild(string parentId, string field, JsonDocument child)
        {
            _documents.Add(child);
            _children ??= new Dictionary<string, List<(string, JsonDocument)>>(StringComparer.Ordinal);
            if (!_children.TryGetValue(parentId, out var list)) _children[parentId] = list = [];
            list.Add((field, child));
        }

        /// <summary>Writes an object with its children under <c>{field: {nodes: […]}}</c>, the shape a paged query returns.</summary>
        public void Write(Utf8JsonWriter writer, JsonElement obj, Dictionary<string, Group> owners)
        {
            writer.WriteStartObject();
            string? ownId = null;
            foreach (var property in obj.EnumerateObject())
            {
                if (property.NameEquals("__parentId"u8)) continue;
                if (property.Value.ValueKind == JsonValueKind.String && property.NameEquals("id"u8))
                {
                    ownId = property.Value.GetString();
                    owners.Remove(ownId!);
                }
                writer.WritePropertyName(property.Name);
                WriteValue(writer, property.Value, owners);
            }
            if (ownId is not null && _children is not null && _children.TryGetValue(ownId, out var children))
                foreach (var byField in children.GroupBy(c => c.Field, StringComparer.Ordinal))
                {
                    writer.WriteStartObject(byField.Key);
                    writer.WriteStartArray("nodes");
                    foreach (var (_, child) in byField) Write(writer, child.RootElement, owners);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            writer.WriteEndObject();
        }

        private void WriteValue(Utf8JsonWriter writer, JsonElement value, Dictionary<string, Group> owners)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Write(writer, value, owners);
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in value.EnumerateArray()) WriteValue(writer, item, owners);
                    writer.WriteEndArray();
                    break;
                default:
                    value.WriteTo(writer);
                    break;
            }
        }

        public void Dispose()
        {
            foreach (var document in _documents) document.Dispose();
        }
    }
}
