namespace Nexus.Core.Analytics;

/// <summary>
/// One purchase by one customer: the only input the analytics need. Stored orders and the plain
/// <c>customer_id,date,amount</c> CSV both map onto it, so every model runs on either source.
/// </summary>
/// <param name="CustomerId">Stable customer key (platform id, e-mail hash, CSV value).</param>
/// <param name="Date">When the order was placed. Day-level analytics use the calendar date in this value's own offset (the merchant's day).</param>
/// <param name="Amount">Order value in the store currency (may be zero; refunds are the caller's business).</param>
public readonly record struct Transaction(string CustomerId, DateTimeOffset Date, decimal Amount)
{
    /// <summary>The calendar day of the purchase in the offset it was recorded with.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Date.DateTime);
}
