namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>
/// How many orders arrive on each day: trend × weekly × yearly seasonality × promotions, Poisson noise.
/// Day d's count is a pure function of (seed, d); cumulative counts are extended lazily so the clock can
/// keep producing days past the initial horizon. Order i belongs to the day whose cumulative range holds i.
/// </summary>
public sealed class DemandModel
{
    private const long DayStream = 0xDA7;
    private const long PromoStream = 0x9A0;
    private static readonly double[] Weekly = [0.85, 1.05, 1.0, 1.0, 1.05, 1.1, 0.95]; // Sunday first
    private readonly long _seed;
    private readonly double _base;
    private readonly List<long> _cumulative = [0]; // _cumulative[d] = orders before day d
    private readonly Lock _gate = new();

    public DemandModel(long seed, DateTime historyStartUtc, int historyDays, int targetOrders)
    {
        _seed = seed;
        HistoryStartUtc = historyStartUtc;
        var sum = 0.0;
        for (var d = 0; d < historyDays; d++) sum += Multiplier(d);
        _base = targetOrders / sum;
    }

    public DateTime HistoryStartUtc { get; }

    public DateTime DayStart(int day) => HistoryStartUtc.AddDays(day);

    /// <summary>Promotions: fixed retail events plus rare seeded flash sales. Orders on these days use coupons more.</summary>
    public bool IsPromotion(int day, out double lift)
    {
        var date = DayStart(day);
        lift = 1.0;
        if (date.Month == 11 && date.Day >= 24 && date.Day <= 30 && date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Monday) lift = 3.0;
        else if (date.Month == 7 && date.Day <= 7) lift = 1.8;
        else if (SeededStream.UnitHash(_seed, PromoStream, day, 0) < 0.012) lift = 2.5;
        return lift > 1.0;
    }

    public double Multiplier(int day)
    {
        var date = DayStart(day);
        var trend = 1.0 + 0.35 * day / 365.0;
        var yearly = 1.0 + 0.25 * Math.Cos(2 * Math.PI * (date.DayOfYear - 350) / 365.25); // peaks in mid-December
        IsPromotion(day, out var lift);
        return trend * Weekly[(int)date.DayOfWeek] * yearly * lift;
    }

    public int Count(int day)
    {
        var rng = new SeededStream(_seed, DayStream, day);
        return rng.NextPoisson(_base * Multiplier(day));
    }

    /// <summary>Orders created before day <paramref name="day"/> begins.</summary>
    public long OrdersBefore(int day)
    {
        lock (_gate)
        {
            while (_cumulative.Count <= day)
                _cumulative.Add(_cumulative[^1] + Count(_cumulative.Count - 1));
            return _cumulative[day];
        }
    }

    /// <summary>The day order index <paramref name="i"/> falls on, and its position within that day.</summary>
    public int DayOf(long i, out int positionInDay, out int countInDay)
    {
        var lo = 0;
        var hi = 1;
        while (OrdersBefore(hi) <= i) hi *= 2;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (OrdersBefore(mid) <= i) lo = mid; else hi = mid;
        }
        var before = OrdersBefore(lo);
        positionInDay = (int)(i - before);
        countInDay = (int)(OrdersBefore(lo + 1) - before);
        return lo;
    }

    /// <summary>Creation time of order i: spread through its day, strictly increasing in i.</summary>
    public DateTime CreatedUtc(long i)
    {
        var day = DayOf(i, out var pos, out var count);
        return CreatedUtc(i, day, pos, count);
    }

    /// <summary>Same as <see cref="CreatedUtc(long)"/> when the caller already walks days in order.</summary>
    public DateTime CreatedUtc(long i, int day, int positionInDay, int countInDay)
    {
        var jitter = SeededStream.UnitHash(_seed, DayStream + 1, i, 0);
        var fraction = (positionInDay + 0.1 + 0.8 * jitter) / countInDay;
        return DayStart(day).AddTicks((long)(fraction * TimeSpan.TicksPerDay));
    }
}
