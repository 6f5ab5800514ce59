namespace Nexus.Core.Analytics.Lifetime;

/// <summary>Unit in which recency, customer age and horizons are expressed for the lifetime models.</summary>
public enum TimeUnit
{
    /// <summary>One day.</summary>
    Days = 1,
    /// <summary>Seven days (the unit of the published CDNOW results).</summary>
    Weeks = 7,
}

public static class TimeUnitExtensions
{
    public static double DaysPerUnit(this TimeUnit unit) => (int)unit;

    /// <summary>Units per month as the <c>lifetimes</c> library uses for CLV (30 days, 4.345 weeks).</summary>
    public static double UnitsPerMonth(this TimeUnit unit) => unit switch
    {
        TimeUnit.Days => 30.0,
        TimeUnit.Weeks => 4.345,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
