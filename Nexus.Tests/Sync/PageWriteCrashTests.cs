using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Tests.Cli;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Cli;

namespace Nexus.Tests.Sync;

/// <summary>
/// A sync process is killed (no clean-up) at each step of a page write; what it leaves must be consistent: exactly the
/// pages before the checkpoint are stored (records or quarantine), no issue, quarantine entry or order line belongs to a
/// page that did not commit, and the next sync resumes from the checkpoint and ends equal to the store.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PageWriteCrashTests(NexusWebFactory app) : IDisposable
{
    private const int PageSize = 100;
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData(PageWriteStep.Records)]
    [InlineData(PageWriteStep.OrderLines)]
    [InlineData(PageWriteStep.Issues)]
    [InlineData(PageWriteStep.Quarantine)]
    [InlineData(PageWriteStep.Checkpoint)]
    [InlineData(PageWriteStep.Committed)]
    public async Task A_process_killed_at_any_step_of_a_page_write_leaves_records_issues_quarantine_and_checkpoint_consistent(PageWriteStep step)
    {
        var name = $"crash-{Guid.NewGuid():N}"[..16];
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Size = SizeProfile.Tiny, Seed = 13, StartUtc = SyncOverHttpTests.SandboxStart, Currency = "EUR",
            ConsumerKey = "ck_" + name, ConsumerSecret = "cs_" + name, AllowBasicOverHttp = true, DefectRate = 0.05,
        });
        var added = await CliRun.InFolderAsync(_data.Path, "stores", "add", "--platform", "woocommerce", "--url", new Uri(app.ServerAddress, $"/sandbox/woocommerce/{name}").ToString(),
            "--credential", "key=ck_" + name, "--credential", "secret=cs_" + name, "--requests-per-minute", "60000", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        var storeId = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32();

        // The 4th page write of the run: customers are two pages on a Tiny store, so this is inside products or orders.
        using (var process = StartSync(storeId, $"{step}:4"))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.NotEqual(0, process.ExitCode);
        }

        var committed = await AssertConsistentAsync(storeId, sandbox);
        Assert.Equal(step == PageWriteStep.Committed ? 4 : 3, committed);

        var resumed = await CliRun.InFolderAsync(_data.Path, "sync", "--store", storeId.ToString(), "--json");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Out);
        Assert.Equal(0, await AssertConsistentAsync(storeId, sandbox));
        var factory = Database();
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(factory, sandbox, CliTenant.CliTenantId, storeId);
    }

    /// <summary>Checks every entity against its checkpoint; returns how many pages of the run are committed (0 once the run has finished).</summary>
    private async Task<int> AssertConsistentAsync(int storeId, SandboxStoreHost sandbox)
    {
        var snapshot = sandbox.Store.Current;
        var truth = new Dictionary<string, (string Entity, List<string> Ids)>
        {
            ["Customers"] = ("'customer'", Enumerable.Range(1, sandbox.Store.CustomerCount).Select(i => i.ToString()).ToList()),
            ["Products"] = ("'product'", sandbox.Store.Products.Select(p => p.Id).Order().Select(i => i.ToString()).ToList()),
            ["Orders"] = ("'order'", Enumerable.Range(0, snapshot.OrderCount).Select(i => sandbox.Store.Order(snapshot, i).Id).Order().Select(i => i.ToString()).ToList()),
        };
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "nexus.db")};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        var committedPages = 0;
        var running = await ScalarAsync(connection, $"SELECT COUNT(*) FROM sync_runs WHERE StoreId = {storeId} AND Status = 'Running'") > 0;
        foreach (var (entity, (singular, ids)) in truth)
        {
            var table = entity.ToLowerInvariant();
            var cursor = await RowAsync(connection, $"SELECT InProgressRunId, ContinuationToken, LastCompletedRunId FROM sync_cursors WHERE StoreId = {storeId} AND Entity = '{entity}'");
            var pagesDone = cursor is null ? 0
                : cursor[0] is null ? (cursor[2] is null ? 0 : int.MaxValue)
                : cursor[1] is string token ? int.Parse(token) - 1 : 0;
            var expected = pagesDone == int.MaxValue ? ids : ids.Take(pagesDone * PageSize).ToList();
            if (pagesDone != int.MaxValue) committedPages += pagesDone;
            else if (running) committedPages += Math.Max(1, (ids.Count + PageSize - 1) / PageSize);

            var stored = await IdsAsync(connection, $"SELECT PlatformId FROM {table} WHERE StoreId = {storeId}");
            var quarantined = await IdsAsync(connection, $"SELECT PlatformId FROM quarantine WHERE StoreId = {storeId} AND Entity = {singular}");
            Assert.Empty(stored.Intersect(quarantined));
            Assert.Equal(expected.Order(), stored.Concat(quarantined).Order());
            // Child records (variants of products, refunds of orders) are quarantined with their parent's page.
            var children = entity == "Products" ? "'variant'" : entity == "Orders" ? "'refund'" : "''";
            var allQuarantined = await IdsAsync(connection, $"SELECT DISTINCT PlatformId FROM quarantine WHERE StoreId = {storeId} AND Entity IN ({singular}, {children})");
            var withIssues = await IdsAsync(connection, $"SELECT DISTINCT PlatformId FROM quality_issues WHERE StoreId = {storeId} AND Entity = '{entity}'");
            Assert.Empty(withIssues.Except(expected).Except(allQuarantined));
            Assert.Equal(allQuarantined.Order(), (await IdsAsync(connection, $"SELECT DISTINCT PlatformId FROM quality_issues WHERE StoreId = {storeId} AND Entity = '{entity}' AND Quarantined = 1")).Order());
        }
        // Every stored order has exactly its lines; no line belongs to an order that is not stored.
        Assert.Equal(0, await ScalarAsync(connection, $"SELECT COUNT(*) FROM orders o WHERE o.StoreId = {storeId} AND o.LineCount <> (SELECT COUNT(*) FROM order_lines l WHERE l.StoreId = o.StoreId AND l.OrderPlatformId = o.PlatformId)"));
        Assert.Equal(0, await ScalarAsync(connection, $"SELECT COUNT(*) FROM order_lines l WHERE l.StoreId = {storeId} AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.StoreId = l.StoreId AND o.PlatformId = l.OrderPlatformId)"));
        return running ? committedPages : 0;
    }

    private Process StartSync(int storeId, string killAt)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Nexus.Web.dll"), "sync", "--store", storeId.ToString(), "--full"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Nexus__DataFolder"] = _data.Path;
        start.Environment["Nexus__Testing__KillAtPageWrite"] = killAt;
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private Microsoft.EntityFrameworkCore.IDbContextFactory<NexusDbContext> Database()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = _data.Path });
        return new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<NexusDbContext>(options.Options);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<object?[]?> RowAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        var row = new object?[reader.FieldCount];
        for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return row;
    }

    private static async Task<List<string>> IdsAsync(SqliteConnection connection, string sql)
    {
        var ids = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
