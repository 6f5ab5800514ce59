using System.CommandLine;
using System.Text.Json;
using Nexus.Core.Stores;
using Nexus.Core.Sync;

namespace Nexus.Web.Cli;

/// <summary><c>sync --store ID [--full|--incremental] [--json]</c>: one sync in this process, progress on stderr, summary on stdout.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var store = new Option<int>("--store") { Description = "The store's id (see stores list).", Required = true };
        var full = new Option<bool>("--full") { Description = "Re-read everything (default: incremental, from the last checkpoint)." };
        var incremental = new Option<bool>("--incremental") { Description = "Only what changed since the last sync (the default)." };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("sync", "Sync one store now, in this process.") { store, full, incremental, owner, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(full) && result.GetValue(incremental)) result.AddError("Choose --full or --incremental, not both.");
        });
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var storeId = parse.GetValue(store);
            if (!await services.GetRequiredService<StoreService>().ExistsAsync(tenant, storeId, token))
            {
                throw CliTenant.NoSuchStore(storeId, parse.GetValue(owner));
            }
            var mode = parse.GetValue(full) ? SyncMode.Full : SyncMode.Incremental;
            // The engine takes the same database lock as the job server: a second sync of the store says who holds it and exits 1.
            var summary = await services.GetRequiredService<SyncEngine>().RunAsync(storeId, mode, new StderrProgress(), token,
                holder: $"the command line on {Environment.MachineName} (process {Environment.ProcessId})");
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(ToJson(summary), CliJson.Options) : Describe(summary));
            return summary.Status == SyncRunStatus.Succeeded ? 0 : 1;
        }, ct));
        return command;
    }

    private static object ToJson(SyncSummary s) => new
    {
        s.RunId, s.StoreId, s.Mode, s.Status, s.Fetched, s.Stored, s.Quarantined, s.Requests, s.Retries, s.Throttled,
        Seconds = Math.Round(s.Seconds, 3), s.Error, Entities = s.Counts,
    };

    private static string Describe(SyncSummary s)
    {
        var lines = new List<string> { $"Sync {s.Status.ToString().ToLowerInvariant()} ({s.Mode.ToString().ToLowerInvariant()}) in {s.Seconds:N1}s: run {s.RunId}" };
        lines.AddRange(s.Counts.Select(kv =>
            $"  {kv.Key,-10} fetched {kv.Value.Fetched,8:N0}  new {kv.Value.Inserted,8:N0}  updated {kv.Value.Updated,7:N0}  unchanged {kv.Value.Unchanged,8:N0}  quarantined {kv.Value.Quarantined,6:N0}"));
        lines.Add($"  requests {s.Requests:N0}, retries {s.Retries:N0}, throttled (429) {s.Throttled:N0}");
        if (s.Error is { } error) lines.Add($"  {error}");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One line per second at most on stderr, plus every phase change.</summary>
    internal sealed class StderrProgress : ISyncProgressSink
    {
        private TimeSpan? _last;

        public ValueTask ReportAsync(SyncProgress p, CancellationToken cancellationToken)
        {
            // The run's own elapsed time paces the output, so the CLI needs no clock of its own.
            if (p.Phase == SyncPhase.Fetching && p.Elapsed - _last < TimeSpan.FromSeconds(1)) return ValueTask.CompletedTask;
            _last = p.Elapsed;
            var counts = p.Counts;
            Console.Error.WriteLine(p.Phase == SyncPhase.Finished
                ? $"[{p.Elapsed.TotalSeconds,6:F1}s] finished: {p.Status}"
                : $"[{p.Elapsed.TotalSeconds,6:F1}s] {p.Entity}: page {p.Page}/{p.TotalPages}, {counts.Fetched:N0}/{counts.Total?.ToString("N0") ?? "?"} fetched, {p.RecordsPerSecond:N0} records/s, {p.Stats.Requests} requests");
            return ValueTask.CompletedTask;
        }
    }
}
