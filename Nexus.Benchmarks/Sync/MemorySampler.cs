using System.Diagnostics;
using Nexus.Core.Sync;

namespace Nexus.Benchmarks.Sync;

/// <summary>
/// A progress sink that samples memory after every stored page: the highest managed heap and working set seen
/// during the sync, and the heap at each quarter of the orders, so a big run shows whether memory stays flat.
/// </summary>
public sealed class MemorySampler(int expectedOrders) : ISyncProgressSink
{
    private readonly long[] _quarters = new long[4];
    private int _nextQuarter;

    public long MaxManagedBytes { get; private set; }
    public long MaxWorkingSetBytes { get; private set; }
    public int Samples { get; private set; }

    /// <summary>Managed heap after 25 %, 50 %, 75 % and 100 % of the orders were stored (0 = not reached).</summary>
    public IReadOnlyList<long> HeapAtOrderQuarters => _quarters;

    public ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        MaxManagedBytes = Math.Max(MaxManagedBytes, heap);
        MaxWorkingSetBytes = Math.Max(MaxWorkingSetBytes, process.WorkingSet64);
        Samples++;
        if (progress.Entity == Nexus.Core.Platforms.SyncEntity.Orders && expectedOrders > 0)
        {
            while (_nextQuarter < 4 && progress.Counts.Fetched >= (long)expectedOrders * (_nextQuarter + 1) / 4)
                _quarters[_nextQuarter++] = heap;
        }
        return ValueTask.CompletedTask;
    }
}
