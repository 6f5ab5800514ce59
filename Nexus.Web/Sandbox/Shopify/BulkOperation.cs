using System.Text.Json;
using GraphQLParser.AST;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// One bulk query: its clock-driven status and its JSON Lines result. The result is written in the background
/// from the snapshot of the moment it was created, a page of 250 root objects at a time, so memory stays bounded.
/// Each object is one line; objects of a nested connection follow their parent on their own lines with
/// <c>__parentId</c>, as Shopify writes them.
/// </summary>
internal sealed class BulkOperation
{
    private const int RootsPerPage = 250;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly ShopifyShopState _shop;
    private readonly GraphQLDocument _document;
    private readonly StoreSnapshot _snapshot;
    private readonly string _siteRoot;
    private readonly string _folder;
    private readonly bool _fail;
    private readonly bool _denied;
    private readonly Task _writing;
    private long _objects;
    private long _roots;
    private long _partialObjects;
    private long _partialRoots;

    public BulkOperation(long id, string query, GraphQLDocument document, DateTimeOffset createdAt, bool fail, bool denied,
        ShopifyRequest request, ShopifyShopState shop, string folder)
    {
        Id = id;
        Query = query;
        CreatedAt = createdAt;
        _document = document;
        _snapshot = request.Snapshot;
        _siteRoot = request.SiteRoot;
        _shop = shop;
        _folder = folder;
        _fail = fail;
        _denied = denied;
        _writing = denied ? Task.CompletedTask : Task.Run(WriteAsync);
    }

    public long Id { get; }

    /// <summary>Completes when the result file is written (benchmarks read it without waiting on the clock).</summary>
    internal Task Writing => _writing;

    internal string? ResultPath => FileName is null ? null : Path.Combine(_folder, FileName);
    public string Query { get; }
    public DateTimeOffset CreatedAt { get; }
    public string? FileName { get; private set; }
    public string? PartialFileName { get; private set; }
    public long FileSize { get; private set; }
    public string ErrorCode => _denied ? "ACCESS_DENIED" : "INTERNAL_SERVER_ERROR";

    private DateTimeOffset StartedAt => CreatedAt + _shop.Options.BulkStartDelay;

    private TimeSpan RunTime => TimeSpan.FromSeconds(Math.Max(1.0, (double)Volatile.Read(ref _objects) / Math.Max(1, _shop.Options.BulkObjectsPerSecond)));

    public DateTimeOffset? CompletedAt => _writing.IsCompleted ? StartedAt + (_denied ? TimeSpan.Zero : RunTime) : null;

    public string StatusAt(DateTimeOffset now)
    {
        if (now < StartedAt) return "CREATED";
        if (_denied) return "FAILED";
        if (!_writing.IsCompleted || now < StartedAt + RunTime) return "RUNNING";
        return _fail || _writing.IsFaulted ? "FAILED" : "COMPLETED";
    }

    public long ObjectCountAt(DateTimeOffset now) => StatusAt(now) switch
    {
        "COMPLETED" => _objects,
        "FAILED" => _partialObjects,
        "RUNNING" when _writing.IsCompleted => (long)(_objects * Math.Clamp((now - StartedAt) / RunTime, 0, 1)),
        _ => 0,
    };

    public long RootObjectCountAt(DateTimeOffset now) => StatusAt(now) switch
    {
        "COMPLETED" => _roots,
        "FAILED" => _partialRoots,
        "RUNNING" when _writing.IsCompleted => (long)(_roots * Math.Clamp((now - StartedAt) / RunTime, 0, 1)),
        _ => 0,
    };

    /// <summary>The local path behind a download file name, once the status lets a client see that URL.</summary>
    public string? ServesFile(string fileName)
    {
        var status = StatusAt(_shop.Host.Time.GetUtcNow());
        if (status == "COMPLETED" && fileName == FileName) return Path.Combine(_folder, fileName);
        if (status == "FAILED" && fileName == PartialFileName) return Path.Combine(_folder, fileName);
        return null;
    }

    private async Task WriteAsync()
    {
        Directory.CreateDirectory(_folder);
        var name = $"bulk-{Id}.jsonl";
        var rootField = _document.Definitions.OfType<GraphQLOperationDefinition>().First().SelectionSet.Selections.OfType<GraphQLField>().First().Name.StringValue;
        var lineEnds = new List<long>();
        await using (var file = File.Create(Path.Combine(_folder, name)))
        {
            await using var writer = new Utf8JsonWriter(file);
            string? after = null;
            BulkPaging paging;
            do
            {
                paging = new BulkPaging(RootsPerPage, after);
                var request = new ShopifyRequest(_shop, _siteRoot, _snapshot) { Bulk = paging };
                var result = await ShopifySchemaFactory.ExecuteAsync(_document, Query, null, null, request, CancellationToken.None);
                if (result.Errors is { Count: > 0 } errors)
                    throw new InvalidOperationException("The bulk query failed: " + errors[0].Message);
                using var page = JsonDocument.Parse(ShopifySchemaFactory.Serializer.Serialize(result));
                foreach (var node in Nodes(page.RootElement.GetProperty("data").GetProperty(rootField)))
                    WriteObject(writer, file, node, null, lineEnds);
                after = paging.EndCursor;
            }
            while (paging.HasNextPage);
            FileSize = file.Length;
        }
        FileName = name;
        if (_fail) WritePartial(name, lineEnds);
    }

    /// <summary>One object on its own line, then the objects of its connections (at any depth inside it) after it.</summary>
    private void WriteObject(Utf8JsonWriter writer, Stream file, JsonElement node, string? parentId, List<long> lineEnds)
    {
        var children = new List<(string? ParentId, JsonElement Connection)>();
        var id = node.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        writer.WriteStartObject();
        foreach (var property in node.EnumerateObject())
        {
            if (IsConnection(property.Value))
            {
                children.Add((id, property.Value));
                continue;
            }
            writer.WritePropertyName(property.Name);
            CopyValue(writer, property.Value, id, children);
        }
        if (parentId is not null) writer.WriteString("__parentId", parentId);
        writer.WriteEndObject();
        writer.Flush();
        file.Write(NewLine);
        writer.Reset(file);
        lineEnds.Add(file.Position);
        Interlocked.Increment(ref _objects);
        if (parentId is null) Interlocked.Increment(ref _roots);
        foreach (var (parent, connection) in children)
            foreach (var child in Nodes(connection))
                WriteObject(writer, file, child, parent, lineEnds);
    }

    /// <summary>Copies a value, lifting connections nested in plain objects or lists (refunds → refundLineItems) out to their own lines.</summary>
    private static void CopyValue(Utf8JsonWriter writer, JsonElement value, string? enclosingId, List<(string?, JsonElement)> children)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var id = value.TryGetProperty("id", out var own) && own.ValueKind == JsonValueKind.String ? own.GetString() : enclosingId;
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    if (IsConnection(property.Value))
                    {
                        children.Add((id, property.Value));
                        continue;
                    }
                    writer.WritePropertyName(property.Name);
                    CopyValue(writer, property.Value, id, children);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray()) CopyValue(writer, item, enclosingId, children);
                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static bool IsConnection(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && ((value.TryGetProperty("edges", out var edges) && edges.ValueKind == JsonValueKind.Array)
            || (value.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array));

    private static IEnumerable<JsonElement> Nodes(JsonElement connection)
    {
        if (connection.TryGetProperty("nodes", out var nodes))
            foreach (var node in nodes.EnumerateArray()) yield return node;
        else if (connection.TryGetProperty("edges", out var edges))
            foreach (var edge in edges.EnumerateArray())
                if (edge.TryGetProperty("node", out var node)) yield return node;
    }

    /// <summary>A failed operation's partialDataUrl: the first half of the lines, cut at a root object.</summary>
    private void WritePartial(string name, List<long> lineEnds)
    {
        var partialName = $"bulk-{Id}-partial.jsonl";
        var lines = File.ReadLines(Path.Combine(_folder, name)).ToList();
        var keep = lines.Count / 2;
        while (keep > 0 && keep < lines.Count && lines[keep].Contains("\"__parentId\"", StringComparison.Ordinal)) keep++;
        File.WriteAllLines(Path.Combine(_folder, partialName), lines.Take(keep));
        _partialObjects = keep;
        _partialRoots = lines.Take(keep).Count(l => !l.Contains("\"__parentId\"", StringComparison.Ordinal));
        PartialFileName = partialName;
    }
}
