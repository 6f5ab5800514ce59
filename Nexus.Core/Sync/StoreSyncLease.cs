using System.Diagnostics;

namespace Nexus.Core.Sync;

/// <summary>
/// The one-sync-per-store lock, as a row in the Nexus database so every process that syncs — the job server and
/// the CLI — sees it. Held while a sync runs, renewed while it runs, released when it ends; a holder that died
/// (kill -9, power loss) stops renewing and its lease expires, and on the same machine a dead process is
/// recognised at once.
/// </summary>
public sealed class StoreSyncLease
{
    public int StoreId { get; set; }

    /// <summary>Who holds it, in words an operator understands: "the job server on web-1 (job 17)".</summary>
    public string Holder { get; set; } = "";

    /// <summary>Machine, process id and start time of the holder, plus a unique token: <see cref="ProcessIdentity"/>.</summary>
    public string HolderId { get; set; } = "";

    public DateTimeOffset AcquiredAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>Identifies one holder (machine, process, start time, token) and tells whether a holder on this machine is still alive.</summary>
public static class ProcessIdentity
{
    private static readonly string Current = Create();

    /// <summary>A fresh id for one acquisition by this process: "machine|pid|startTicks|token".</summary>
    public static string NewHolderId() => $"{Current}|{Guid.NewGuid():N}";

    private static string Create()
    {
        using var self = Process.GetCurrentProcess();
        return $"{Environment.MachineName}|{Environment.ProcessId}|{self.StartTime.ToUniversalTime().Ticks}";
    }

    /// <summary>
    /// False only when the holder certainly died: it ran on this machine and that process is gone (or the pid now
    /// belongs to a process started later). Holders on other machines are judged by their lease's expiry alone.
    /// </summary>
    public static bool MayBeAlive(string holderId)
    {
        var parts = holderId.Split('|');
        if (parts.Length < 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid) || !long.TryParse(parts[2], out var started))
            return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            // Start times are derived from the boot clock: allow a little rounding between readers.
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - started) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>Another process is syncing this store; the message says who and since when.</summary>
public sealed class StoreSyncLockedException(int storeId, string holder, DateTimeOffset since)
    : Exception($"Store {storeId} is already syncing: {holder} has been running its sync since {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC. "
                + "Wait for it to finish, or cancel it on the Stores page.")
{
    public string Holder { get; } = holder;
}
