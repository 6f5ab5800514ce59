namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>
/// Who buys when. Each registered customer has a signup day, a Gamma-distributed purchase rate (most buy
/// rarely, a few often) and a day they stop buying, so RFM and BG/NBD models find real signal. Orders are
/// assigned in date order by sampling among customers active that day, weighted by rate (Fenwick tree),
/// so assignment is deterministic and O(log n) per order. Customer ids are 1..Count.
/// </summary>
public sealed class CustomerPopulation
{
    private const long ProfileStream = 0xC057;
    private const long AssignStream = 0xA551;
    public const double GuestShare = 0.12;

    private readonly long _seed;
    private readonly int[] _signupDay;
    private readonly int[] _dropoutDay;
    private readonly double[] _rate;
    private readonly double[] _tree; // Fenwick tree over active weights, 1-based
    private readonly List<(int Day, int Customer, bool Join)> _events;
    private int _nextEvent;
    private double _totalWeight;

    public CustomerPopulation(long seed, int count, int historyDays)
    {
        _seed = seed;
        Count = count;
        _signupDay = new int[count];
        _dropoutDay = new int[count];
        _rate = new double[count];
        _tree = new double[count + 1];
        _events = new List<(int, int, bool)>(count * 2);
        for (var j = 0; j < count; j++)
        {
            var rng = new SeededStream(seed, ProfileStream, j + 1);
            // Signups grow over time (u^0.8 skews late); the last days before "now" still get a few.
            _signupDay[j] = (int)(historyDays * Math.Pow(rng.NextDouble(), 0.8));
            _rate[j] = rng.NextGamma(0.75, 1.0);
            // Lifetime: exponential with a one-year mean; a third never leave within the horizon.
            var lifetime = rng.Chance(0.33) ? int.MaxValue / 2 : (int)(-Math.Log(1 - rng.NextDouble()) * 365);
            _dropoutDay[j] = (int)Math.Min((long)_signupDay[j] + Math.Max(lifetime, 7), int.MaxValue / 2);
            _events.Add((_signupDay[j], j, true));
            _events.Add((_dropoutDay[j], j, false));
        }
        _events.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Join.CompareTo(b.Join));
    }

    public int Count { get; }

    public int SignupDay(int customerId) => _signupDay[customerId - 1];

    public int DropoutDay(int customerId) => _dropoutDay[customerId - 1];

    public double Rate(int customerId) => _rate[customerId - 1];

    /// <summary>Customer id for order index i placed on <paramref name="day"/> (0 = guest). Call with non-decreasing days.</summary>
    public int Assign(long orderIndex, int day)
    {
        while (_nextEvent < _events.Count && _events[_nextEvent].Day <= day)
        {
            var (_, j, join) = _events[_nextEvent++];
            var delta = join ? _rate[j] : -_rate[j];
            _totalWeight += delta;
            for (var k = j + 1; k < _tree.Length; k += k & -k) _tree[k] += delta;
        }
        var rng = new SeededStream(_seed, AssignStream, orderIndex);
        if (rng.Chance(GuestShare) || _totalWeight <= 1e-9) return 0;
        return FindByWeight(rng.NextDouble() * _totalWeight);
    }

    private int FindByWeight(double target)
    {
        var pos = 0;
        var step = 1;
        while (step * 2 < _tree.Length) step *= 2;
        for (; step > 0; step /= 2)
        {
            var next = pos + step;
            if (next < _tree.Length && _tree[next] <= target)
            {
                pos = next;
                target -= _tree[next];
            }
        }
        return Math.Min(pos + 1, Count); // pos is 0-based index of the chosen customer
    }
}
