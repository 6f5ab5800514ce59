namespace Nexus.Web.Sandbox.Behaviour;

/// <summary>
/// Decides whether a request gets a fault: first from a script ("the next N requests get X"), then by a
/// seeded rate over the configured kinds. Seeded so a failing resilience test replays identically.
/// </summary>
public sealed class FaultInjector
{
    private readonly Queue<FaultKind> _script = new();
    private readonly Random _random;
    private readonly double _rate;
    private readonly FaultKind[] _kinds;
    private readonly Lock _gate = new();

    public FaultInjector(long seed, double rate, IReadOnlyCollection<FaultKind>? kinds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0);
        _random = new Random(unchecked((int)seed ^ 0x5A17));
        _rate = rate;
        _kinds = kinds is { Count: > 0 } ? kinds.ToArray() : [FaultKind.ServerError, FaultKind.ServiceUnavailable];
    }

    /// <summary>The next <paramref name="count"/> requests to this store get <paramref name="kind"/>.</summary>
    public void Enqueue(FaultKind kind, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
            for (var k = 0; k < count; k++) _script.Enqueue(kind);
    }

    /// <summary>Scripted faults not yet handed out.</summary>
    public int Pending
    {
        get { lock (_gate) return _script.Count; }
    }

    public FaultKind? Next()
    {
        lock (_gate)
        {
            if (_script.TryDequeue(out var scripted)) return scripted;
            if (_rate <= 0) return null;
            var hit = _random.NextDouble() < _rate;
            var kind = _kinds[_random.Next(_kinds.Length)];
            return hit ? kind : null;
        }
    }
}
