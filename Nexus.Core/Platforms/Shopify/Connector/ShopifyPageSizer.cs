namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// Chooses each listing's page size from what its last page cost (<c>requestedQueryCost</c>), so a query stays under
/// Shopify's 1,000-point cap and within the bucket however many nested fields a node has: the cost of a page is
/// about <c>overhead + first × cost of one node</c> (connections are costed by <c>first</c>).
/// </summary>
public sealed class ShopifyPageSizer(int firstPageSize)
{
    public const int MaxQueryCost = 1000;
    public const int MaxPageSize = 250;
    private const double Overhead = 3; // the connection (2) and its count (1)
    private const double Headroom = 0.9; // nested counts vary a little between shapes; stay clear of the cap

    private readonly Lock _gate = new();
    private double? _nodeCost;

    public int PageSize
    {
        get
        {
            lock (_gate) return Size();
        }
    }

    /// <summary>What the next page is expected to cost, for the bucket wait; 0 while unknown.</summary>
    public int ExpectedCost
    {
        get
        {
            lock (_gate) return _nodeCost is { } node ? (int)Math.Ceiling(Overhead + Size() * node) : 0;
        }
    }

    /// <summary>The bucket size caps a page too: a query larger than the bucket could never run.</summary>
    public double? BucketMaximum { get; set; }

    public void Observe(int pageSize, double requestedCost)
    {
        if (pageSize <= 0 || requestedCost <= Overhead) return;
        lock (_gate) _nodeCost = (requestedCost - Overhead) / pageSize;
    }

    private int Size()
    {
        if (_nodeCost is not { } node || node <= 0) return Math.Clamp(firstPageSize, 1, MaxPageSize);
        var cap = Math.Min(MaxQueryCost, BucketMaximum ?? MaxQueryCost) * Headroom;
        return (int)Math.Clamp(Math.Floor((cap - Overhead) / node), 1, MaxPageSize);
    }
}
