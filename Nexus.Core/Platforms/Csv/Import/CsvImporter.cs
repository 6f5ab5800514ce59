using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Core.Platforms.Csv.Import;

/// <summary>
/// Imports one uploaded file into its CSV store as a sync run: the file becomes the store's pending plan and the
/// sync engine pulls it page by page through the quality gate, quarantine and the one-transaction page writes,
/// with checkpoints; so an import shows up in the store's history and live progress exactly like a sync.
/// Records are keyed by their identifying column, so importing the same file again stores nothing new.
/// </summary>
public sealed class CsvImporter(CsvUploadStore uploads, SyncEngine engine, IDbContextFactory<NexusDbContext> dbFactory)
{
    /// <exception cref="CsvUploadRejectedException">The store is not the tenant's CSV store.</exception>
    /// <exception cref="KeyNotFoundException">The store has no such upload.</exception>
    public async Task<CsvImportResult> ImportAsync(Guid tenantId, int storeId, string uploadId, string productCurrency = "USD",
        ISyncProgressSink? sink = null, string? holder = null, CancellationToken cancellationToken = default)
    {
        var upload = await uploads.FindAsync(tenantId, storeId, uploadId, cancellationToken)
                     ?? throw new KeyNotFoundException($"Store {storeId} has no uploaded file '{uploadId}'. Upload it again.");
        if (!Model.Money.IsIsoCurrencyCode(productCurrency))
            throw new ArgumentException($"'{productCurrency}' is not a currency code; use three letters such as USD or EUR.");
        await uploads.PlanAsync(tenantId, storeId, new CsvImportPlan(upload.Id, upload.Entity, productCurrency.ToUpperInvariant()), cancellationToken);
        var run = await engine.RunAsync(storeId, SyncMode.Full, sink, cancellationToken, holder, importedFile: upload.FileName);
        // A cancelled or crashed import keeps its plan so the next run resumes it from the checkpoint; one that
        // finished, or that the merchant must fix first, does not linger for later runs.
        if (run.Status == SyncRunStatus.Succeeded || run.ErrorNeedsMerchant || run.ErrorIsPermanent)
            await uploads.ClearPlanAsync(tenantId, storeId, CancellationToken.None);
        // An imported file's records (and its quarantined rows, with their raw text) are in the database; the export
        // itself holds customers' personal data and is not kept. A file that failed stays for the retention period,
        // so the merchant can map it and import it again.
        if (run.Status == SyncRunStatus.Succeeded)
            await uploads.DeleteAsync(tenantId, storeId, upload.Id, CancellationToken.None);
        var counts = run.Counts.TryGetValue(upload.Entity.ToString(), out var c)
            ? new CsvImportSummary(c.Inserted, c.Updated, c.Unchanged, c.Quarantined)
            : CsvImportSummary.Empty;
        var examples = counts.Quarantined > 0 ? await QuarantineExamplesAsync(tenantId, run.RunId, CancellationToken.None) : [];
        return new CsvImportResult(run, upload.Entity, counts, upload.FileName, upload.HeaderWarnings ?? [], examples);
    }

    /// <summary>The first few rows the run quarantined, for the summary; the Quality page lists them all.</summary>
    private async Task<IReadOnlyList<CsvQuarantineExample>> QuarantineExamplesAsync(Guid tenantId, long runId, CancellationToken cancellationToken)
    {
        const int shown = 3;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var reasons = await db.Quarantine.AsNoTracking().Where(q => q.SyncRunId == runId).OrderBy(q => q.Id).Select(q => q.Reasons).Take(shown).ToListAsync(cancellationToken);
        return reasons.Select(CsvQuarantineExample.FromStoredReasons).OfType<CsvQuarantineExample>().OrderBy(e => e.LineNumber).ToList();
    }
}
