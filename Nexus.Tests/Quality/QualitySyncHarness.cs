using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Benchmarks.Sandbox;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Sync;

namespace Nexus.Tests.Quality;

/// <summary>A migrated test database whose store is a sandbox store read in-process, and a sync engine with the real quality gate.</summary>
public sealed class QualitySyncHarness : IAsyncDisposable
{
    public static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private QualitySyncHarness(ScratchStoreDatabase db, SandboxStore store, FakeTimeProvider clock, SyncEngine engine, QualityGate gate, RecordUpserter upserter)
        => (Db, Store, Clock, Engine, Gate, Upserter) = (db, store, clock, engine, gate, upserter);

    public ScratchStoreDatabase Db { get; }
    public SandboxStore Store { get; }
    public FakeTimeProvider Clock { get; }
    public SyncEngine Engine { get; }
    public QualityGate Gate { get; }
    public RecordUpserter Upserter { get; }

    public static async Task<QualitySyncHarness> CreateAsync(SizeProfile size, DefectRates defects, long seed = 7, int pageSize = 100,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var db = await ScratchStoreDatabase.CreateAsync(SandboxDirectConnector.PlatformId, provider);
        var store = new SandboxStore(new GenerationOptions(seed, size, Start, defects));
        var registry = new PlatformRegistry([TestPlatforms.Descriptor(SandboxDirectConnector.PlatformId, new SandboxDirectConnector(store, pageSize))], new ServiceCollection().BuildServiceProvider());
        var clock = new FakeTimeProvider(new DateTimeOffset(Start));
        var upserter = new RecordUpserter(db);
        var gate = new QualityGate(QualityEngine.Default, new QualitySnapshotWriter(db));
        var engine = new SyncEngine(db, db.Protector, registry, upserter, gate, Options.Create(new SyncOptions { WorkersPerStore = 2 }), clock, NullLogger<SyncEngine>.Instance);
        return new QualitySyncHarness(db, store, clock, engine, gate, upserter);
    }

    public QualityReportQuery Reports => new(Db, QualityEngine.Default);

    public QualityRevalidator Revalidator => new(Db, Gate, Upserter, Clock);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
