using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms.Csv.Mapping;
using Nexus.Core.Storage;

namespace Nexus.Core.Platforms.Csv.Import;

/// <summary>
/// The uploaded files of CSV stores, one folder per tenant and store (<c>{root}/{tenant}/{store}/</c>): each upload
/// as <c>{id}.csv</c> with its <see cref="CsvUpload"/> beside it, the saved column mapping per entity, and the
/// pending <see cref="CsvImportPlan"/>. Every call a merchant can reach names the tenant and is refused for a store
/// that is not theirs; only the connector (which runs for a store the sync engine already resolved) looks a store's
/// tenant up itself.
/// </summary>
public sealed class CsvUploadStore(IDbContextFactory<NexusDbContext> dbFactory, IOptions<CsvImportOptions> options, IOptions<NexusStorageOptions> storage, TimeProvider clock)
{
    public const string TooLarge = "csv-too-large";
    public const string NotYourStore = "csv-not-your-store";
    public const string NotACsvStore = "csv-not-a-csv-store";
    private const string PlanFile = "import-plan.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    private string Root => Path.GetFullPath(options.Value.UploadFolder ?? Path.Combine(storage.Value.ResolveDataFolder(), "uploads"));

    /// <summary>
    /// Streams <paramref name="content"/> to the store's folder (refusing it past <see cref="MaxUploadBytes"/>), then
    /// reads its header: a file that is not CSV is deleted and refused with what it is, so nothing is stored from it.
    /// </summary>
    /// <exception cref="CsvUploadRejectedException">Not the tenant's CSV store, too large, or not CSV.</exception>
    public async Task<CsvUpload> SaveAsync(Guid tenantId, int storeId, CsvImportEntity entity, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var folder = await FolderAsync(tenantId, storeId, cancellationToken);
        Directory.CreateDirectory(folder);
        DeleteExpired(folder);
        var id = Guid.NewGuid().ToString("N");
        var path = Path.Combine(folder, id + ".csv");
        try
        {
            long size;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                size = await CopyBoundedAsync(content, file, MaxUploadBytes, cancellationToken);
            }
            CsvHeader header;
            await using (var read = File.OpenRead(path))
            await using (var reader = await CsvFileReader.OpenAsync(read, cancellationToken: cancellationToken))
            {
                header = reader.Header;
            }
            var upload = new CsvUpload(id, storeId, entity, Path.GetFileName(fileName), size, clock.GetUtcNow(), CsvLayoutRecognizer.Recognize(header), header.Count, header.Warnings);
            await File.WriteAllTextAsync(Path.Combine(folder, id + ".json"), JsonSerializer.Serialize(upload, Json), cancellationToken);
            return upload;
        }
        catch (Exception ex)
        {
            File.Delete(path);
            if (ex is CsvNotReadableException unreadable) throw new CsvUploadRejectedException(unreadable.Reason, unreadable.Message, unreadable);
            throw;
        }
    }

    /// <summary>Deletes one of the tenant's uploads (file and description); the store's saved mappings stay. False when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, int storeId, string uploadId, CancellationToken cancellationToken = default)
    {
        var folder = await FolderAsync(tenantId, storeId, cancellationToken);
        if (ReadUpload(folder, uploadId) is not { } upload) return false;
        Delete(folder, upload.Id);
        return true;
    }

    /// <summary>
    /// Removes uploads older than <see cref="CsvImportOptions.RetentionDays"/>: merchants' exports hold personal
    /// data, so a file nobody imported does not stay on disk for ever. The upload a pending import reads stays, so
    /// a cancelled or crashed import can still resume.
    /// </summary>
    private void DeleteExpired(string folder)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var planPath = Path.Combine(folder, PlanFile);
        var pending = File.Exists(planPath) ? JsonSerializer.Deserialize<CsvImportPlan>(File.ReadAllText(planPath), Json)?.UploadId : null;
        foreach (var upload in Uploads(folder).Where(u => u.UploadedAt < cutoff && u.Id != pending))
            Delete(folder, upload.Id);
    }

    private static void Delete(string folder, string uploadId)
    {
        File.Delete(Path.Combine(folder, uploadId + ".csv"));
        File.Delete(Path.Combine(folder, uploadId + ".json"));
    }

    /// <summary>The store's uploads, newest first.</summary>
    public async Task<IReadOnlyList<CsvUpload>> ListAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        var folder = await FolderAsync(tenantId, storeId, cancellationToken);
        return Directory.Exists(folder) ? Uploads(folder).OrderByDescending(u => u.UploadedAt).ToList() : [];
    }

    private static IEnumerable<CsvUpload> Uploads(string folder) =>
        Directory.EnumerateFiles(folder, "*.json")
            .Where(f => Path.GetFileName(f) != PlanFile && !Path.GetFileName(f).StartsWith("mapping-", StringComparison.Ordinal))
            .Select(meta => JsonSerializer.Deserialize<CsvUpload>(File.ReadAllText(meta), Json)!)
            .ToList();

    /// <summary>One upload of the tenant's store; null when there is none with that id.</summary>
    public async Task<CsvUpload?> FindAsync(Guid tenantId, int storeId, string uploadId, CancellationToken cancellationToken = default) =>
        ReadUpload(await FolderAsync(tenantId, storeId, cancellationToken), uploadId);

    /// <summary>The header and first rows of one of the tenant's uploads, for the mapping screen.</summary>
    /// <exception cref="KeyNotFoundException">The store has no such upload.</exception>
    public async Task<Mapping.CsvPreview> PreviewAsync(Guid tenantId, int storeId, string uploadId, CancellationToken cancellationToken = default)
    {
        var folder = await FolderAsync(tenantId, storeId, cancellationToken);
        var upload = ReadUpload(folder, uploadId) ?? throw new KeyNotFoundException($"Store {storeId} has no upload '{uploadId}'.");
        await using var file = File.OpenRead(Path.Combine(folder, upload.Id + ".csv"));
        return await Mapping.CsvPreview.ReadAsync(file, cancellationToken: cancellationToken);
    }

    public async Task SaveMappingAsync(Guid tenantId, int storeId, CsvMapping mapping, CancellationToken cancellationToken = default)
    {
        var folder = await FolderAsync(tenantId, storeId, cancellationToken);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(MappingPath(folder, mapping.Entity), mapping.ToJson(), cancellationToken);
    }

    /// <summary>The mapping saved for this store and entity, offered for the next upload; null when none was saved.</summary>
    public async Task<CsvMapping?> FindMappingAsync(Guid tenantId, int storeId, CsvImportEntity entity, CancellationToken cancellationToken = default) =>
        ReadMapping(await FolderAsync(tenantId, storeId, cancellationToken), entity);

    /// <summary>Queues an upload for the store's next run (the import job runs it at once).</summary>
    /// <exception cref="KeyNotFoundException">The store has no such upload.</exception>
    public async Task PlanAsync(Guid tenantId, int storeId, CsvImportPlan plan, CancellationToken cancellationToken = default)
    {
        var folder = await FolderAsync(tenantId, storeId, cancellationToken);
        if (ReadUpload(folder, plan.UploadId) is null) throw new KeyNotFoundException($"Store {storeId} has no upload '{plan.UploadId}'.");
        await File.WriteAllTextAsync(Path.Combine(folder, PlanFile), JsonSerializer.Serialize(plan, Json), cancellationToken);
    }

    public async Task ClearPlanAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default) =>
        File.Delete(Path.Combine(await FolderAsync(tenantId, storeId, cancellationToken), PlanFile));

    /// <summary>
    /// For the connector: the store's pending import with its file path and saved mapping, or null. The store's
    /// tenant is looked up here because the connector is built for a store the sync engine has already resolved.
    /// </summary>
    internal async Task<PendingCsvImport?> PendingForStoreAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == storeId).Select(s => (Guid?)s.TenantId).FirstOrDefaultAsync(cancellationToken);
        if (tenant is null) return null;
        var folder = Path.Combine(Root, tenant.Value.ToString("N"), storeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var planPath = Path.Combine(folder, PlanFile);
        if (!File.Exists(planPath)) return null;
        var plan = JsonSerializer.Deserialize<CsvImportPlan>(await File.ReadAllTextAsync(planPath, cancellationToken), Json)!;
        var upload = ReadUpload(folder, plan.UploadId)
                     ?? throw new ConnectorException($"The file queued for import ({plan.UploadId}) is no longer there. Upload it again.", kind: ConnectorErrorKind.NotFound);
        return new PendingCsvImport(plan, upload, Path.Combine(folder, upload.Id + ".csv"), ReadMapping(folder, plan.Entity));
    }

    /// <summary>The store's folder, after checking the store is the tenant's and a CSV store.</summary>
    private async Task<string> FolderAsync(Guid tenantId, int storeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var platform = await db.Stores.Where(s => s.Id == storeId).Select(s => s.Platform).FirstOrDefaultAsync(cancellationToken);
        if (platform is null) throw new CsvUploadRejectedException(NotYourStore, "That store does not exist or is not yours.");
        if (!string.Equals(platform, CsvPlatform.Id, StringComparison.OrdinalIgnoreCase))
            throw new CsvUploadRejectedException(NotACsvStore, $"Store {storeId} reads its data from a {platform} shop, not from uploaded files. Add a store of platform \"CSV files\" to import files.");
        return Path.Combine(Root, tenantId.ToString("N"), storeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static CsvUpload? ReadUpload(string folder, string uploadId)
    {
        // Ids are ours (32 hex digits): anything else, such as "../x", never reaches the file system.
        if (uploadId.Length != 32 || !uploadId.All(Uri.IsHexDigit)) return null;
        var meta = Path.Combine(folder, uploadId + ".json");
        return File.Exists(meta) ? JsonSerializer.Deserialize<CsvUpload>(File.ReadAllText(meta), Json) : null;
    }

    private static CsvMapping? ReadMapping(string folder, CsvImportEntity entity)
    {
        var path = MappingPath(folder, entity);
        return File.Exists(path) ? CsvMapping.FromJson(File.ReadAllText(path)) : null;
    }

    private static string MappingPath(string folder, CsvImportEntity entity) => Path.Combine(folder, $"mapping-{entity.ToString().ToLowerInvariant()}.json");

    private static async Task<long> CopyBoundedAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
                throw new CsvUploadRejectedException(TooLarge, $"The file is larger than the {limit / (1024 * 1024):N0} MB Nexus accepts. Split it into smaller files (for example by date range) and upload them one by one.");
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return total;
    }
}

/// <summary>What the connector reads on this run: the plan, the file on disk and the store's saved mapping for its entity.</summary>
internal sealed record PendingCsvImport(CsvImportPlan Plan, CsvUpload Upload, string Path, CsvMapping? Mapping);
