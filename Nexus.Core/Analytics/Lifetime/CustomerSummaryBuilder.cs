namespace Nexus.Core.Analytics.Lifetime;

/// <summary>Turns raw transactions into per-customer (x, t_x, T, m_x) summaries.</summary>
/// <remarks>
/// Mirrors <c>lifetimes.utils.summary_data_from_transaction_data</c> (Davidson-Pilon) at day
/// resolution, which is also how Fader &amp; Hardie's CDNOW summary counts: purchases on the same day
/// are one purchase (their amounts summed), the first purchase day is not a repeat, and times are
/// day differences divided by the unit length (so T = 272/7 = 38.857 weeks for a customer first seen
/// on 1997-01-01 with calibration end 1997-09-30). Transactions after the calibration end are ignored.
/// </remarks>
public static class CustomerSummaryBuilder
{
    /// <summary>Builds one summary per customer with at least one purchase on or before <paramref name="calibrationEnd"/>, ordered by customer id (ordinal).</summary>
    public static IReadOnlyList<CustomerSummary> Build(IEnumerable<Transaction> transactions, DateOnly calibrationEnd, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var daysPerUnit = unit.DaysPerUnit();

        var amountsByCustomerDay = new Dictionary<string, SortedDictionary<DateOnly, decimal>>(StringComparer.Ordinal);
        foreach (var t in transactions)
        {
            if (t.Day > calibrationEnd) continue;
            if (!amountsByCustomerDay.TryGetValue(t.CustomerId, out var days))
                amountsByCustomerDay[t.CustomerId] = days = new SortedDictionary<DateOnly, decimal>();
            days[t.Day] = days.GetValueOrDefault(t.Day) + t.Amount;
        }

        var result = new List<CustomerSummary>(amountsByCustomerDay.Count);
        foreach (var (customerId, days) in amountsByCustomerDay.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var first = days.Keys.First();
            var last = days.Keys.Last();
            var frequency = days.Count - 1;
            var repeatTotal = days.Skip(1).Sum(kv => kv.Value);
            result.Add(new CustomerSummary(
                customerId,
                frequency,
                (last.DayNumber - first.DayNumber) / daysPerUnit,
                (calibrationEnd.DayNumber - first.DayNumber) / daysPerUnit,
                frequency == 0 ? 0m : repeatTotal / frequency));
        }
        return result;
    }
}
