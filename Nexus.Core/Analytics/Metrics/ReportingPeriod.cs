namespace Nexus.Core.Analytics.Metrics;

/// <summary>How revenue over time is bucketed.</summary>
public enum BucketSize
{
    Day,
    Week,
    Month,
}

/// <summary>What a period is compared with: nothing, the same number of days just before, or the same days a year earlier.</summary>
public enum Comparison
{
    None,
    Previous,
    YearBefore,
}

/// <summary>One bucket of a time series: [Start, End).</summary>
public readonly record struct TimeBucket(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A half-open UTC interval [Start, End) of whole days, compared with the interval of the same length just
/// before it. Days are UTC days: stored dates are UTC and the tenant has no time zone setting yet.
/// </summary>
public sealed record ReportingPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The <paramref name="days"/> UTC days ending with (and including) <paramref name="lastDay"/>.</summary>
    public static ReportingPeriod EndingOn(DateOnly lastDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var end = Utc(lastDay.AddDays(1));
        return new ReportingPeriod(end.AddDays(-days), end);
    }

    private static DateTimeOffset Utc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The UTC days <paramref name="first"/> … <paramref name="last"/>, both included (swapped when given backwards).</summary>
    public static ReportingPeriod Between(DateOnly first, DateOnly last)
    {
        if (last < first) (first, last) = (last, first);
        return new ReportingPeriod(Utc(first), Utc(last.AddDays(1)));
    }

    public int Days => (int)Math.Round((End - Start).TotalDays);

    /// <summary>The period's first UTC day.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>The period's last UTC day (included).</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(End.UtcDateTime).AddDays(-1);

    /// <summary>The same number of days immediately before this period.</summary>
    public ReportingPeriod Previous => new(Start.AddDays(-Days), Start);

    /// <summary>
    /// The same calendar days one year earlier. A 29 February becomes 28 February (the year before has none), so a
    /// period ending on 29 February 2028 is compared with one ending on 28 February 2027.
    /// </summary>
    public ReportingPeriod YearBefore() => Between(FirstDay.AddYears(-1), LastDay.AddYears(-1));

    /// <summary>The period this one is compared with, or null for <see cref="Comparison.None"/>.</summary>
    public ReportingPeriod? ComparedWith(Comparison comparison) => comparison switch
    {
        Comparison.Previous => Previous,
        Comparison.YearBefore => YearBefore(),
        _ => null,
    };

    /// <summary>The longest period (in days) still shown per day; longer ones go per week up to <see cref="WeeklyUpToDays"/>.</summary>
    public const int DailyUpToDays = 60;

    /// <summary>The longest period (in days) shown per week (a leap year's 366 days included); longer ones go per calendar month.</summary>
    public const int WeeklyUpToDays = 366;

    /// <summary>
    /// The one bucketing rule of every revenue-over-time chart: daily up to 60 days, weekly up to 366 days, calendar
    /// months beyond (first/last month may be partial). About 60 bars at most per day, 53 per week.
    /// </summary>
    public BucketSize DefaultBucketSize => Days <= DailyUpToDays ? BucketSize.Day : Days <= WeeklyUpToDays ? BucketSize.Week : BucketSize.Month;

    /// <summary>Consecutive buckets covering the period exactly; weeks start on the period's first day.</summary>
    public IReadOnlyList<TimeBucket> Buckets(BucketSize size)
    {
        var buckets = new List<TimeBucket>();
        var start = Start;
        while (start < End)
        {
            var next = size switch
            {
                BucketSize.Day => start.AddDays(1),
                BucketSize.Week => start.AddDays(7),
                _ => new DateTimeOffset(start.Year, start.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1),
            };
            if (next > End) next = End;
            buckets.Add(new TimeBucket(start, next));
            start = next;
        }
        return buckets;
    }
}
