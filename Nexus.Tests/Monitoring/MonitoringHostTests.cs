using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Health;
using Nexus.Core.Monitoring.Metrics;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Monitoring;

namespace Nexus.Tests.Monitoring;

[Collection(HostCollection.Name)]
public sealed class MonitoringHostTests(NexusWebFactory factory)
{
    [Fact]
    public async Task Live_answers_anonymously_and_ready_lists_every_check_healthy_without_paths()
    {
        using var client = factory.CreateBrowserLikeClient();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        // The in-process job server's first heartbeat can take a moment after start-up.
        HttpResponseMessage ready = null!;
        string body = "";
        for (var i = 0; i < 60; i++)
        {
            ready = await client.GetAsync("/health/ready");
            body = await ready.Content.ReadAsStringAsync();
            if (ready.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(500);
        }
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal(
            [NexusHealthChecks.Database, NexusHealthChecks.Disk, NexusHealthChecks.JobServer, NexusHealthChecks.JobStorage, NexusHealthChecks.KeyRing],
            checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, c =>
        {
            Assert.Equal("Healthy", c.GetProperty("status").GetString());
            Assert.True(c.GetProperty("durationMs").GetDouble() >= 0);
        });
        Assert.DoesNotContain(factory.DataFolder, body);
        Assert.DoesNotContain("Data Source", body);
        Assert.DoesNotContain("/tmp", body);
    }

    [Fact]
    public async Task Metrics_are_for_ops_only_and_carry_nexus_instruments()
    {
        factory.Services.GetRequiredService<NexusMetrics>().JobFinished("TestJob", TimeSpan.FromMilliseconds(20), failed: true);
        using var anonymous = factory.CreateBrowserLikeClient();
        // A scraper follows no redirects: it must get a status it can report, not a sign-in page.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);

        using var merchant = factory.CreateBrowserLikeClient();
        await SignIn.AsAsync(merchant, "merchant@nexus.demo", NexusWebFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.GetAsync("/metrics")).StatusCode);

        using var ops = factory.CreateBrowserLikeClient();
        await SignIn.AsAsync(ops, "ops@nexus.demo", NexusWebFactory.DemoPassword);
        string text = "";
        for (var i = 0; i < 20 && !text.Contains("nexus_jobs_failures", StringComparison.Ordinal); i++)
        {
            var response = await ops.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            await Task.Delay(250);
        }
        Assert.Contains("nexus_jobs_failures", text);
        Assert.Contains("job=\"TestJob\"", text);
        Assert.Contains("http_server_request_duration", text);
    }

    [Fact]
    public async Task A_failed_webhook_is_retried_by_the_job_server_and_lands_after_the_receiver_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 503;
        var services = factory.Services;
        Guid tenant;
        long alertId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync())
        {
            tenant = await db.Users.Where(u => u.Email == "merchant@nexus.demo").Select(u => u.TenantId).SingleAsync();
            db.TenantId = tenant;
            var alert = new Alert { TenantId = tenant, Kind = AlertKind.JobBacklog, Key = $"test-{Guid.NewGuid():N}", Title = "Webhook retry test", Detail = "d", OpenedAt = DateTimeOffset.UtcNow, LastSeenAt = DateTimeOffset.UtcNow, ResolvedAt = DateTimeOffset.UtcNow };
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            alertId = alert.Id;
        }
        var webhooks = services.GetRequiredService<WebhookService>();
        var (endpoint, secret) = await webhooks.AddAsync(tenant, receiver.Url.ToString());
        try
        {
            await using (var db = await services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync())
            {
                var alert = await db.Alerts.IgnoreQueryFilters().SingleAsync(a => a.Id == alertId);
                await services.GetRequiredService<IAlertNotifier>().NotifyAsync(alert, AlertChange.Opened, CancellationToken.None);
            }

            // The first attempt fails and Hangfire schedules a retry with a delay.
            var storage = services.GetRequiredService<JobStorage>();
            string? retryJob = null;
            for (var i = 0; i < 120 && retryJob is null; i++)
            {
                await Task.Delay(250);
                retryJob = storage.GetMonitoringApi().ScheduledJobs(0, 200)
                    .FirstOrDefault(j => j.Value.Job?.Type == typeof(WebhookDeliveryJob)).Key;
            }
            Assert.NotNull(retryJob);
            using (var connection = storage.GetConnection())
            {
                var state = connection.GetStateData(retryJob);
                Assert.Equal(ScheduledState.StateName, state.Name);
                Assert.Contains("Retry attempt 1", state.Reason);
            }
            var failed = Assert.Single(await webhooks.DeliveriesAsync(tenant), d => d.EndpointId == endpoint.Id);
            Assert.Equal((1, 503), (failed.Attempts, failed.LastStatusCode));

            // The receiver recovers; run the retry now instead of waiting 30 s.
            receiver.Status = 200;
            services.GetRequiredService<IBackgroundJobClient>().Requeue(retryJob);
            WebhookDelivery? delivered = null;
            for (var i = 0; i < 120 && delivered?.DeliveredAt is null; i++)
            {
                await Task.Delay(250);
                delivered = (await webhooks.DeliveriesAsync(tenant)).Single(d => d.EndpointId == endpoint.Id);
            }
            Assert.NotNull(delivered!.DeliveredAt);
            Assert.Equal(2, delivered.Attempts);
            Assert.All(receiver.Requests, r => Assert.True(WebhookSignature.IsValid(secret, r.Body, r.Signature)));
        }
        finally
        {
            await webhooks.DeleteAsync(tenant, endpoint.Id);
        }
    }
}

public sealed class StartupProblemTests
{
    [Fact]
    public async Task A_misconfigured_start_prints_one_line_per_problem_and_exits_non_zero_without_a_stack_trace()
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Nexus.Web.dll");
        var folder = Path.Combine(Path.GetTempPath(), "nexus-startup-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [web, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Nexus__DataFolder"] = folder;
        start.Environment["Nexus__Smtp__Host"] = "smtp.example.com";          // but no sender address
        start.Environment["Nexus__Monitoring__MinimumFreeDiskMegabytes"] = "0"; // out of range
        start.Environment["Nexus__Jobs__WorkerCount"] = "2";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Nexus started despite the bad settings: " + await stdout);
        }
        var error = await stderr;
        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}: {error}");
        var lines = error.Split('\n').Where(l => l.StartsWith("Configuration problem: ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 2, error);
        Assert.Contains(lines, l => l.Contains("Nexus:Smtp:From"));
        Assert.Contains(lines, l => l.Contains("MinimumFreeDiskMegabytes"));
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("   at ", await stdout);
    }
}
