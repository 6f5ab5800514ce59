using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Benchmarks.Sandbox;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Core.Quality;
using Nexus.Benchmarks.Storage;

namespace Nexus.Benchmarks.Quality;

/// <summary>
/// <c>bench quality</c>: (1) precision and recall of defect detection per defect kind against a sandbox store's ground
/// truth, after a real sync with quality; (2) sync throughput with the quality gate against the same sync with a
/// pass-through gate, measured alternately in the same run on the same recorded pages, each leg into a fresh database.
/// </summary>
public sealed class QualityBenchmark(TimeProvider time) : IBenchmark
{
    public const long Seed = 42;
    public const int Rounds = 5;
    public static readonly DateTime Start = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "quality";

    public string Description =>
        "Defect detection precision/recall per kind vs the sandbox ground truth, and sync throughput with vs without the quality gate (same run, same pages; --size ≈ orders: <1k Tiny, <5k Small, default Demo ~8k, ≥50k Large)";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var profile = options.Size switch { null => SizeProfile.Demo, < 1_000 => SizeProfile.Tiny, < 5_000 => SizeProfile.Small, < 50_000 => SizeProfile.Demo, _ => SizeProfile.Large };
        var store = new SandboxStore(new GenerationOptions(Seed, profile, Start, DefectRates.Uniform(0.02)));
        options.Progress?.Report($"rendering and mapping the {profile} sandbox store (seed {Seed}) in-process…");
        var pages = await RecordedPagesConnector.RecordAsync(new SandboxDirectConnector(store), cancellationToken);

        var figures = new List<BenchmarkFigure>();
        var notes = new List<string>();
        var (withQuality, without, gateShare) = (new List<double>(), new List<double>(), new List<double>());
        IReadOnlyList<DetectionScore>? detection = null;
        // Warm-up leg of each (JIT, SQLite page cache), then alternate so machine load hits both alike.
        await SyncAsync(pages, quality: true, cancellationToken);
        await SyncAsync(pages, quality: false, cancellationToken);
        for (var round = 1; round <= Rounds; round++)
        {
            options.Progress?.Report($"round {round}/{Rounds}: sync without quality…");
            without.Add((await SyncAsync(pages, quality: false, cancellationToken)).Seconds);
            options.Progress?.Report($"round {round}/{Rounds}: sync with quality…");
            var run = await SyncAsync(pages, quality: true, cancellationToken, store.GroundTruth);
            withQuality.Add(run.Seconds);
            gateShare.Add(run.GateSeconds / run.Seconds);
            detection ??= run.Detection;
            if (round == 1) notes.Add(run.Note);
        }

        var records = pages.Records;
        var (best, baseline) = (withQuality.Min(), without.Min());
        figures.Add(new BenchmarkFigure("sync without quality (best)", records / baseline, "records/s"));
        figures.Add(new BenchmarkFigure("sync with quality (best)", records / best, "records/s", records / baseline, "sync without quality"));
        figures.Add(new BenchmarkFigure("quality cost (best vs best)", 100 * (best - baseline) / baseline, "% more time"));
        figures.Add(new BenchmarkFigure("quality cost (median vs median)", 100 * (Median(withQuality) - Median(without)) / Median(without), "% more time"));
        // Less sensitive to other processes on the machine: both parts of one leg see the same load.
        figures.Add(new BenchmarkFigure("time inside the quality gate (median)", 100 * Median(gateShare), "% of the sync with quality"));
        foreach (var d in detection!)
        {
            figures.Add(new BenchmarkFigure($"{d.Kind} precision", d.Precision, "ratio"));
            figures.Add(new BenchmarkFigure($"{d.Kind} recall", d.Recall, "ratio"));
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{d.Kind}: {d.Injected} injected, {d.TruePositives} found, {d.FalsePositives} false alarms, {d.FalseNegatives} missed, {d.Unassessable} inside records the mapper quarantined"));
        }
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"times per leg (s): without {string.Join(", ", without.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))}; with {string.Join(", ", withQuality.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))}"));
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{profile} sandbox store (seed {Seed}, 2 % defects per kind): {records:N0} records in {Rounds} alternating rounds, fresh SQLite database per leg");
        return new BenchmarkResult(Name, workload, figures, notes);
    }

    private async Task<(double Seconds, double GateSeconds, IReadOnlyList<DetectionScore>? Detection, string Note)> SyncAsync(
        RecordedPagesConnector pages, bool quality, CancellationToken cancellationToken, GroundTruth? truth = null)
    {
        await using var db = await ScratchStoreDatabase.CreateAsync("recorded", cancellationToken: cancellationToken);
        var registry = new PlatformRegistry([new PlatformDescriptor { Id = "recorded", DisplayName = "Recorded", Credentials = [], CreateConnector = (_, _) => pages }], new ServiceCollection().BuildServiceProvider());
        var upserter = new RecordUpserter(db);
        var gate = new TimedGate(quality
            ? new QualityGate(QualityEngine.Default, new QualitySnapshotWriter(db))
            : PassThroughQualityGate.Instance, time);
        var clock = new FixedClock(new DateTimeOffset(Start));
        var engine = new SyncEngine(db, db.Protector, registry, upserter, gate, Options.Create(new SyncOptions()), clock, NullLogger<SyncEngine>.Instance);

        var started = time.GetTimestamp();
        var summary = await engine.RunAsync(db.StoreId, SyncMode.Full, cancellationToken: cancellationToken);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        if (summary.Status != SyncRunStatus.Succeeded) throw new InvalidOperationException($"benchmark sync failed: {summary.Error}");

        if (truth is null) return (seconds, gate.Seconds, null, "");
        await using var read = db.ForTenant();
        var detection = await DefectDetection.ScoreStoredAsync(read, db.StoreId, truth, cancellationToken);
        var scores = await StoreQualityCounts.ScoreAsync(read, [db.StoreId], cancellationToken);
        var ruleCounts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            read.QualityIssues.GroupBy(i => i.RuleId).Select(g => new { g.Key, Records = g.Count() }), cancellationToken);
        var note = "issues by rule: " + string.Join(", ", ruleCounts.OrderByDescending(r => r.Records).ThenBy(r => r.Key).Select(r => $"{r.Key} {r.Records}")) + ". store grade " + Grades.For(QualityScorer.Overall(scores) ?? 100) + ": " +
                   string.Join("; ", scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Entity} {s.Grade} ({s.Score:F1}, {s.Records:N0} records, {s.QuarantinedRecords:N0} quarantined)")));
        return (seconds, gate.Seconds, detection, note);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Adds up the time the sync spends in quality: the gate (cleansing, look-ups, rules) and the snapshot. The issue writes are Storage's now and not counted.</summary>
    private sealed class TimedGate(IRecordQualityGate inner, TimeProvider time) : IRecordQualityGate
    {
        private long _ticks;

        public double Seconds => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalSeconds;

        public async Task<GatedPage<T>> ApplyAsync<T>(QualityEntity<T> entity, QualityScope scope, IReadOnlyList<T> records, IReadOnlyList<Nexus.Core.Platforms.Mapping.Quarantined> mappingQuarantine,
            IStoreFactsSource facts, CancellationToken cancellationToken)
            where T : class
        {
            var started = time.GetTimestamp();
            try { return await inner.ApplyAsync(entity, scope, records, mappingQuarantine, facts, cancellationToken); }
            finally { Interlocked.Add(ref _ticks, time.GetElapsedTime(started).Ticks); }
        }

        public async Task RunFinishedAsync(QualityScope scope, string trigger, CancellationToken cancellationToken)
        {
            var started = time.GetTimestamp();
            try { await inner.RunFinishedAsync(scope, trigger, cancellationToken); }
            finally { Interlocked.Add(ref _ticks, time.GetElapsedTime(started).Ticks); }
        }
    }

    /// <summary>The sync's clock pinned to the store's "now", so FutureDate defects are judged against the store's own time.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
