using GraphQLParser.AST;
using static Nexus.Web.Sandbox.Shopify.ShopifyFormat;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// Bulk query operations of one shop. An operation is CREATED, RUNNING after <see cref="ShopifySandboxOptions.BulkStartDelay"/>,
/// then COMPLETED once the sandbox clock has given it objects / <see cref="ShopifySandboxOptions.BulkObjectsPerSecond"/>
/// seconds (at least one). The JSON Lines result is written from the snapshot taken when the operation was created,
/// so it equals what paging that snapshot returns. A scripted failure ends FAILED / INTERNAL_SERVER_ERROR with a
/// partial file; a root field the app has no scope for ends FAILED / ACCESS_DENIED.
/// </summary>
public sealed class ShopifyBulkOperations(ShopifyShopState shop)
{
    private static readonly Dictionary<string, string> RootScopes = new(StringComparer.Ordinal)
    {
        ["orders"] = "read_orders", ["customers"] = "read_customers", ["products"] = "read_products",
    };

    private readonly Lock _gate = new();
    private readonly List<BulkOperation> _operations = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nexus-sandbox-shopify", Guid.NewGuid().ToString("N"));
    private int _failuresLeft = shop.Options.FailBulkOperations;
    private long _nextId = 4_046_733_967_549;

    /// <summary>The next <paramref name="count"/> operations fail (fault injection for resilience tests).</summary>
    public void FailNext(int count = 1)
    {
        lock (_gate) _failuresLeft += count;
    }

    internal IShopifyNode Run(string query, ShopifyRequest request)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query);
            ShopifyQueryCost.Requested(document, null, null, bulk: true);
        }
        catch (Exception e) when (e is GraphQLParser.Exceptions.GraphQLSyntaxErrorException or ShopifyQueryException)
        {
            return Payload(null, UserError("Invalid bulk query: " + e.Message, "INVALID"));
        }
        var roots = document.Definitions.OfType<GraphQLOperationDefinition>().SelectMany(o => o.SelectionSet.Selections.OfType<GraphQLField>()).ToArray();
        var connections = ShopifyQueryCost.Connections(document);
        if (roots.Length != 1 || !RootScopes.ContainsKey(roots[0].Name.StringValue))
            return Payload(null, UserError("Bulk queries must have exactly one top-level field: orders, customers or products.", "INVALID"));
        if (connections.Count > 5)
            return Payload(null, UserError("Bulk queries cannot contain more than 5 connections.", "INVALID"));
        if (connections.Any(c => c.Depth > 2))
            return Payload(null, UserError("Bulk queries cannot contain connections with a nesting depth greater than 2.", "INVALID"));

        lock (_gate)
        {
            var running = _operations.LastOrDefault(o => o.StatusAt(shop.Host.Time.GetUtcNow()) is "CREATED" or "RUNNING");
            if (running is not null)
                return Payload(null, UserError($"A bulk query operation for this app and shop is already in progress: {Gid("BulkOperation", running.Id)}.", "OPERATION_IN_PROGRESS", field: false));
            var fail = _failuresLeft > 0;
            if (fail) _failuresLeft--;
            var scope = RootScopes[roots[0].Name.StringValue];
            var denied = !request.Scopes.Contains(scope);
            var operation = new BulkOperation(_nextId++, query, document, shop.Host.Time.GetUtcNow(), fail, denied, request, shop, _folder);
            _operations.Add(operation);
            return Payload(new BulkOperationNode(operation, request.SiteRoot, shop.Host.Time), null);
        }
    }

    internal IShopifyNode? Find(string gid, ShopifyRequest request)
    {
        var id = ParseGid(gid, "BulkOperation");
        lock (_gate)
            return _operations.FirstOrDefault(o => o.Id == id) is { } operation ? new BulkOperationNode(operation, request.SiteRoot, shop.Host.Time) : null;
    }

    internal IShopifyNode? Current(ShopifyRequest request)
    {
        lock (_gate)
            return _operations.LastOrDefault() is { } operation ? new BulkOperationNode(operation, request.SiteRoot, shop.Host.Time) : null;
    }

    /// <summary>The latest operation's full result file once written, whatever the clock says (benchmarks).</summary>
    internal async Task<string?> LatestResultPathAsync()
    {
        BulkOperation? latest;
        lock (_gate) latest = _operations.LastOrDefault();
        if (latest is null) return null;
        await latest.Writing.ConfigureAwait(false);
        return latest.ResultPath;
    }

    /// <summary>The result file named in a url or partialDataUrl, or null.</summary>
    public string? ResultFile(string fileName)
    {
        lock (_gate)
            foreach (var operation in _operations)
                if (operation.ServesFile(fileName) is { } path) return path;
        return null;
    }

    private static Fields Payload(IShopifyNode? operation, IShopifyNode? error) => new(new Dictionary<string, object?>
    {
        ["bulkOperation"] = operation,
        ["userErrors"] = error is null ? Array.Empty<IShopifyNode>() : [error],
    });

    private static Fields UserError(string message, string code, bool field = true) => new(new Dictionary<string, object?>
    {
        ["field"] = field ? new[] { "query" } : null,
        ["message"] = message,
        ["code"] = code,
    });
}

internal sealed class BulkOperationNode(BulkOperation operation, string siteRoot, TimeProvider time) : IShopifyNode
{
    public object? Resolve(string field, GraphQL.IResolveFieldContext context)
    {
        var now = time.GetUtcNow();
        var status = operation.StatusAt(now);
        return field switch
        {
            "id" => Gid("BulkOperation", operation.Id),
            "status" => status,
            "errorCode" => status == "FAILED" ? operation.ErrorCode : null,
            "createdAt" => Time(operation.CreatedAt.UtcDateTime),
            "completedAt" => status is "COMPLETED" or "FAILED" ? Time(operation.CompletedAt?.UtcDateTime) : null,
            "objectCount" => Legacy(operation.ObjectCountAt(now)),
            "rootObjectCount" => Legacy(operation.RootObjectCountAt(now)),
            "fileSize" => status == "COMPLETED" ? Legacy(operation.FileSize) : null,
            "url" => status == "COMPLETED" && operation.FileName is { } file ? $"{siteRoot}/bulk/{file}" : null,
            "partialDataUrl" => status == "FAILED" && operation.PartialFileName is { } partial ? $"{siteRoot}/bulk/{partial}" : null,
            "query" => operation.Query,
            "type" => "QUERY",
            _ => null,
        };
    }
}
