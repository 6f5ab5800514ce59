using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;
using Nexus.Core.Sync;
using Nexus.Core.Tenancy;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>A scratch database with one CSV store, the real upload store, connector, sync engine and importer.</summary>
internal sealed class CsvImportHarness : IAsyncDisposable
{
    private CsvImportHarness(ScratchStoreDatabase db, CsvUploadStore uploads, CsvImporter importer, long maxUploadBytes, FakeTimeProvider clock)
    {
        Clock = clock;
        Db = db;
        Uploads = uploads;
        Importer = importer;
        MaxUploadBytes = maxUploadBytes;
    }

    public ScratchStoreDatabase Db { get; }
    public CsvUploadStore Uploads { get; }
    public CsvImporter Importer { get; }
    public long MaxUploadBytes { get; }
    public FakeTimeProvider Clock { get; }
    public string UploadFolder => Path.Combine(Db.Folder, "uploads");
    public Guid TenantId => Db.TenantId;
    public int StoreId => Db.StoreId;

    public static async Task<CsvImportHarness> CreateAsync(int pageSize = 500, long maxUploadBytes = 200L * 1024 * 1024)
    {
        var db = await ScratchStoreDatabase.CreateAsync(CsvPlatform.Id);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new CsvImportOptions { UploadFolder = Path.Combine(db.Folder, "uploads"), PageSize = pageSize, MaxUploadBytes = maxUploadBytes });
        var uploads = new CsvUploadStore(db, options, Options.Create(new NexusStorageOptions { DataFolder = db.Folder }), clock);
        var services = new ServiceCollection().AddSingleton(uploads).AddSingleton<IOptions<CsvImportOptions>>(options).BuildServiceProvider();
        var registry = new PlatformRegistry([CsvPlatform.Descriptor], services);
        var engine = new SyncEngine(db, db.Protector, registry, new RecordUpserter(db), Nexus.Benchmarks.Quality.PassThroughQualityGate.Instance,
            Options.Create(new SyncOptions()), clock, NullLogger<SyncEngine>.Instance);
        return new CsvImportHarness(db, uploads, new CsvImporter(uploads, engine, db), maxUploadBytes, clock);
    }

    public Task<CsvUpload> UploadAsync(CsvImportEntity entity, string fileName, byte[] content) =>
        Uploads.SaveAsync(TenantId, StoreId, entity, fileName, new MemoryStream(content));

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "csv", name));

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public async Task<CsvImportResult> UploadAndImportAsync(CsvImportEntity entity, string fileName, byte[] content, string currency = "USD")
    {
        var upload = await UploadAsync(entity, fileName, content);
        return await Importer.ImportAsync(TenantId, StoreId, upload.Id, currency);
    }

    /// <summary>A second merchant with a CSV store of their own.</summary>
    public async Task<(Guid Tenant, int Store)> AddOtherMerchantAsync()
    {
        await using var db = Db.CreateDbContext();
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = "other" };
        db.Tenants.Add(tenant);
        var store = new Core.Stores.ConnectedStore { TenantId = tenant.Id, Name = "other csv", Platform = CsvPlatform.Id, BaseUrl = "", ProtectedCredentials = Db.Protector.Protect(new Core.Stores.StoreCredentials(new Dictionary<string, string>())) };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return (tenant.Id, store.Id);
    }

    public async Task<List<QuarantinedRecord>> QuarantineAsync()
    {
        await using var db = Db.ForTenant();
        return await db.Quarantine.OrderBy(q => q.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
