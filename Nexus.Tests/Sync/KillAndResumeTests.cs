using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Tests.Cli;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Cli;

namespace Nexus.Tests.Sync;

/// <summary>
/// A real Nexus.Web process syncing a sandbox store over HTTP is killed (SIGKILL, no clean-up) part way through;
/// the next sync resumes from the last checkpoint and the database ends exactly equal to the sandbox.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class KillAndResumeTests(NexusWebFactory app) : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_sync_process_killed_mid_way_resumes_from_its_checkpoint_and_ends_exact()
    {
        var name = $"kill-{Guid.NewGuid():N}"[..16];
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Size = SizeProfile.Small, Seed = 11, StartUtc = SyncOverHttpTests.SandboxStart, Currency = "EUR",
            ConsumerKey = "ck_" + name, ConsumerSecret = "cs_" + name, AllowBasicOverHttp = true, LatencyMs = 120,
        });
        var storeId = await AddStoreThroughCliAsync(new Uri(app.ServerAddress, $"/sandbox/woocommerce/{name}").ToString(), name);
        var factory = DatabaseIn(_data.Path);

        using (var process = StartSyncProcess(storeId))
        {
            // Kill once orders are arriving (customers and products are done), as reported on the process's stderr.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(timeout.Token)) is not null && !IsOrdersPage(line, atLeast: 3))
            {
            }
            Assert.False(line is null, "the sync ended before orders page 3 was reported");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
        }

        var storedAtKill = await CountOrdersAsync(storeId);
        Assert.InRange(storedAtKill, 200, sandbox.Store.Current.OrderCount - 1);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(SyncRunStatus.Running, await db.SyncRuns.IgnoreQueryFilters().Where(r => r.StoreId == storeId).Select(r => r.Status).SingleAsync());
        }

        var resumed = await Cli("sync", "--store", storeId.ToString(), "--json");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Out);
        var summary = JsonDocument.Parse(resumed.Out).RootElement;
        var entities = summary.GetProperty("entities");
        Assert.Equal("Full", summary.GetProperty("mode").GetString()); // it took over the interrupted full sync
        Assert.False(entities.TryGetProperty("Customers", out _), "customers were finished before the kill and must not be fetched again");
        Assert.True(entities.GetProperty("Orders").GetProperty("fetched").GetInt64() < sandbox.Store.Current.OrderCount,
            "the resumed run re-fetched every order instead of continuing from the checkpoint");

        await using (var db = await factory.CreateDbContextAsync())
        {
            var runs = await db.SyncRuns.IgnoreQueryFilters().Where(r => r.StoreId == storeId).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([SyncRunStatus.Failed, SyncRunStatus.Succeeded], runs.Select(r => r.Status));
            Assert.Contains("Interrupted", runs[0].Error);
        }
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(factory, sandbox, CliTenant.CliTenantId, storeId);
    }

    private async Task<int> AddStoreThroughCliAsync(string url, string name)
    {
        var added = await Cli("stores", "add", "--platform", "woocommerce", "--url", url, "--key", "ck_" + name, "--secret", "cs_" + name,
            "--requests-per-minute", "60000", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        return JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32();
    }

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    /// <summary>The same Nexus.Web build the tests reference, run as its own process: <c>dotnet Nexus.Web.dll sync …</c>.</summary>
    private Process StartSyncProcess(int storeId)
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "Nexus.Web.dll");
        Assert.True(File.Exists(webDll), $"{webDll} is missing");
        var start = new ProcessStartInfo("dotnet", [webDll, "sync", "--store", storeId.ToString(), "--full"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Nexus__DataFolder"] = _data.Path;
        start.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(start)!;
    }

    private static IDbContextFactory<NexusDbContext> DatabaseIn(string folder)
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = folder });
        return new PooledDbContextFactory<NexusDbContext>(options.Options);
    }

    private static bool IsOrdersPage(string progressLine, int atLeast)
    {
        var match = System.Text.RegularExpressions.Regex.Match(progressLine, @"Orders: page (\d+)/");
        return match.Success && int.Parse(match.Groups[1].Value) >= atLeast;
    }

    /// <summary>A plain read-only connection, so polling never shares a pooled connection with the code under test.</summary>
    private async Task<int> CountOrdersAsync(int storeId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data.Path, "nexus.db")};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM orders WHERE StoreId = {storeId}";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
