using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring;
using Nexus.Core.Monitoring.Health;
using Nexus.Core.Monitoring.Status;
using Nexus.Core.Storage;

namespace Nexus.Tests.Monitoring;

public sealed class HealthCheckTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nexus-health-tests", Guid.NewGuid().ToString("N"));

    public HealthCheckTests() => Directory.CreateDirectory(_folder);

    private IOptions<NexusStorageOptions> Storage => Options.Create(new NexusStorageOptions { DataFolder = _folder });

    private static Task<HealthCheckResult> Run(IHealthCheck check) => check.CheckHealthAsync(new HealthCheckContext
    {
        Registration = new HealthCheckRegistration("test", check, HealthStatus.Unhealthy, null),
    });

    private void CreateDatabase()
    {
        using var connection = new SqliteConnection(Storage.Value.ResolveConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE \"__EFMigrationsHistory\" (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT); INSERT INTO \"__EFMigrationsHistory\" VALUES ('1', '10');";
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Database_is_healthy_when_it_opens_and_has_its_schema()
    {
        CreateDatabase();
        var result = await Run(new DatabaseHealthCheck(Storage));
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task A_missing_database_is_unhealthy_and_is_not_created_by_the_check()
    {
        var result = await Run(new DatabaseHealthCheck(Storage));
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("missing", result.Description);
        Assert.DoesNotContain(_folder, result.Description);
        Assert.False(File.Exists(Path.Combine(_folder, "nexus.db")));
    }

    [Fact]
    public async Task A_locked_database_is_unhealthy()
    {
        CreateDatabase();
        await using var locker = new SqliteConnection(new SqliteConnectionStringBuilder(Storage.Value.ResolveConnectionString()) { Pooling = false }.ToString());
        await locker.OpenAsync();
        await using (var command = locker.CreateCommand())
        {
            command.CommandText = "BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();
        }
        var result = await Run(new DatabaseHealthCheck(Storage));
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("locked", result.Description);
    }

    [Fact]
    public async Task Disk_check_fails_when_free_space_is_below_the_minimum()
    {
        var disk = new FakeDiskProbe { FreeBytes = 400L << 20 };
        var check = new DiskSpaceHealthCheck(disk, Storage, Options.Create(new MonitoringOptions { MinimumFreeDiskMegabytes = 500 }));
        var full = await Run(check);
        Assert.Equal(HealthStatus.Unhealthy, full.Status);
        Assert.Contains("400 MB free", full.Description);
        disk.FreeBytes = 600L << 20;
        Assert.Equal(HealthStatus.Healthy, (await Run(check)).Status);
    }

    [Fact]
    public async Task Job_server_check_needs_a_recent_heartbeat()
    {
        var jobs = new FakeJobServerMonitor();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(MonitoringHarness.Start);
        var check = new JobServerHealthCheck(jobs, Options.Create(new MonitoringOptions()), clock);
        Assert.Equal(HealthStatus.Unhealthy, (await Run(check)).Status);
        jobs.Servers.Add(new JobServerInfo("node-1", 3, ["default"], MonitoringHarness.Start.AddHours(-1), MonitoringHarness.Start.AddMinutes(-10)));
        Assert.Equal(HealthStatus.Unhealthy, (await Run(check)).Status); // gone: no heartbeat for 10 minutes
        jobs.Servers.Add(new JobServerInfo("node-2", 3, ["default"], MonitoringHarness.Start.AddHours(-1), MonitoringHarness.Start.AddSeconds(-5)));
        Assert.Equal(HealthStatus.Healthy, (await Run(check)).Status);
    }

    [Fact]
    public async Task Job_storage_check_fails_without_leaking_the_error()
    {
        var jobs = new FakeJobServerMonitor();
        Assert.Equal(HealthStatus.Healthy, (await Run(new JobStorageHealthCheck(jobs))).Status);
        jobs.StorageDown = true;
        var down = await Run(new JobStorageHealthCheck(jobs));
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.DoesNotContain("/secret/path", down.Description);
    }

    [Fact]
    public async Task Key_ring_is_healthy_when_readable_and_unhealthy_when_a_key_file_is_corrupt()
    {
        var keys = Path.Combine(_folder, "keys");
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("Nexus").PersistKeysToFileSystem(new DirectoryInfo(keys));
        await using (var provider = services.BuildServiceProvider())
        {
            var check = new KeyRingHealthCheck(provider.GetRequiredService<IKeyManager>(), provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
            Assert.Equal(HealthStatus.Healthy, (await Run(check)).Status);
        }
        await File.WriteAllTextAsync(Path.Combine(keys, "key-00000000-0000-0000-0000-000000000000.xml"), "<key this is not xml");
        await using (var provider = services.BuildServiceProvider())
        {
            var check = new KeyRingHealthCheck(provider.GetRequiredService<IKeyManager>(), provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
            var broken = await Run(check);
            Assert.Equal(HealthStatus.Unhealthy, broken.Status);
            Assert.DoesNotContain(keys, broken.Description);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }
}

public sealed class HealthCheckCacheTests
{
    private sealed class CountingCheck : IHealthCheck
    {
        public int Runs;
        public HealthCheckResult Next = HealthCheckResult.Healthy("ok");
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Runs);
            await Task.Delay(50, CancellationToken.None);
            return Next;
        }
    }

    [Fact]
    public async Task Concurrent_requests_share_one_run_and_a_new_run_starts_after_the_ttl()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(MonitoringHarness.Start);
        var inner = new CountingCheck();
        var check = new CachedHealthCheck("x", inner, new HealthCheckCache(clock), TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => check.CheckHealthAsync(new HealthCheckContext())));
        Assert.Equal(1, inner.Runs);
        Assert.All(results, r => Assert.Equal(HealthStatus.Healthy, r.Status));

        inner.Next = HealthCheckResult.Unhealthy("down");
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status); // within the TTL
        clock.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(2, inner.Runs);
    }
}
