namespace Nexus.Core.Analytics.Metrics;

/// <summary>
/// The Overview KPIs for one period, all in the scope's currency (definitions in docs/analytics.md, "Overview KPIs").
/// </summary>
/// <param name="Revenue">Σ (total − refunded) over revenue orders.</param>
/// <param name="Orders">Revenue orders.</param>
/// <param name="Customers">Distinct customers (people: e-mail, else phone, else account) with a revenue order; guests with neither are not counted.</param>
/// <param name="NewCustomers">Customers whose first revenue order ever is in the period.</param>
/// <param name="RepeatCustomers">Customers with two or more revenue orders in the period.</param>
/// <param name="RegisteredAccounts">Accounts created in the period.</param>
/// <param name="RegisteredBuyers">Of those, accounts with a revenue order (in the scope currency) before the period's end.</param>
/// <param name="PaidGross">Σ total over revenue + refunded orders: the base of the refund rate.</param>
/// <param name="Refunded">Σ refunds over the same orders.</param>
public sealed record PeriodKpis(
    ReportingPeriod Period, decimal Revenue, int Orders, int Customers, int NewCustomers, int RepeatCustomers,
    int RegisteredAccounts, int RegisteredBuyers, decimal PaidGross, decimal Refunded)
{
    /// <summary>Of <see cref="Customers"/>, those with revenue orders in more than one of the scope's stores (their whole history
    /// counts, not only the period); always 0 for one store.</summary>
    public int MultiStoreCustomers { get; init; }

    public decimal AverageOrderValue => Orders == 0 ? 0 : Revenue / Orders;

    public int ReturningCustomers => Customers - NewCustomers;

    public double? RepeatPurchaseRate => Customers == 0 ? null : (double)RepeatCustomers / Customers;

    public double? RegisteredToBuyerConversion => RegisteredAccounts == 0 ? null : (double)RegisteredBuyers / RegisteredAccounts;

    public double? RefundRate => PaidGross == 0 ? null : (double)(Refunded / PaidGross);
}

/// <summary>Orders (all statuses) in a period with one canonical status.</summary>
public sealed record StatusCount(string Status, int Orders);

/// <summary>Revenue and revenue orders in one time bucket.</summary>
public sealed record RevenuePoint(DateTimeOffset Start, DateTimeOffset End, decimal Revenue, int Orders);

/// <summary>How well a converted period's money could be converted (see <c>Currency/FxConversion</c>).</summary>
/// <param name="StaleOrders">Revenue orders converted with a rate more than 7 days older than the order.</param>
/// <param name="UnconvertedOrders">Revenue orders left out: no rate on or before their day.</param>
public sealed record ConversionNote(int StaleOrders, int UnconvertedOrders, IReadOnlyList<string> UnconvertedCurrencies);

/// <summary>Everything the Overview page shows.</summary>
/// <param name="Previous">The comparison period's KPIs; null when the report is not compared.</param>
/// <param name="Conversion">For a converted scope, the current period's conversion caveats; null when nothing was converted.</param>
public sealed record OverviewReport(
    AnalyticsScope Scope, PeriodKpis Current, PeriodKpis? Previous, IReadOnlyList<StatusCount> StatusFunnel,
    BucketSize BucketSize, IReadOnlyList<RevenuePoint> RevenueOverTime, ConversionNote? Conversion = null)
{
    /// <summary>What <see cref="Previous"/> is: the days just before, the same days a year earlier, or none.</summary>
    public Comparison Comparison { get; init; } = Previous is null ? Comparison.None : Comparison.Previous;

    /// <summary>Relative change current vs previous; null when the previous value is zero (no meaningful %).</summary>
    public static double? Change(decimal current, decimal previous) => previous == 0 ? null : (double)((current - previous) / previous);

    public static double? Change(int current, int previous) => Change((decimal)current, previous);

    public static double? Change(double? current, double? previous) =>
        current is { } c && previous is { } p && p != 0 ? (c - p) / p : null;

    /// <summary>The difference between two rates (0.057 − 0.039 = 0.018, i.e. 1.8 percentage points); null when either is unknown.</summary>
    public static double? PointChange(double? current, double? previous) =>
        current is { } c && previous is { } p ? c - p : null;
}
