namespace Nexus.Core.Model;

/// <summary>
/// Money given back on an order. Amounts are positive (platforms differ in sign conventions; the model
/// does not). An order listing may only carry a summary, so date and lines can be absent.
/// </summary>
public sealed record Refund
{
    public required string PlatformId { get; init; }
    public string? OrderPlatformId { get; init; }
    public string? SourceUrl { get; init; }
    public required Money Amount { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>True when the payment gateway refunded the money, false when recorded manually, null when unknown.</summary>
    public bool? RefundedPayment { get; init; }

    public IReadOnlyList<RefundLine> Lines { get; init; } = [];
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}

/// <summary>A product line given back. Quantity and amounts are positive.</summary>
public sealed record RefundLine
{
    public required string PlatformId { get; init; }

    /// <summary>The order line this refunds, when the platform says so.</summary>
    public string? OrderLinePlatformId { get; init; }

    public string? ProductPlatformId { get; init; }
    public string? VariantPlatformId { get; init; }
    public string? Name { get; init; }
    public string? Sku { get; init; }
    public required decimal Quantity { get; init; }
    public required Money Subtotal { get; init; }
    public required Money Total { get; init; }
    public required Money TotalTax { get; init; }
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}
