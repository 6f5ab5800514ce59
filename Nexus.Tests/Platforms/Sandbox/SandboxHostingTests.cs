using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Benchmarks.Sandbox;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Tests.Platforms.Sandbox;

public class SandboxHostingTests
{
    private static IConfiguration Config(bool enabled) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Nexus:Sandbox:Enabled"] = enabled ? "true" : "false",
        ["Nexus:Sandbox:Stores:0:Name"] = "demo-woo",
        ["Nexus:Sandbox:Stores:0:Platform"] = "woocommerce",
        ["Nexus:Sandbox:Stores:0:Seed"] = "99",
        ["Nexus:Sandbox:Stores:0:Size"] = "Small",
        ["Nexus:Sandbox:Stores:0:ConsumerKey"] = "ck_cfg",
        ["Nexus:Sandbox:Stores:0:ConsumerSecret"] = "cs_cfg",
        ["Nexus:Sandbox:Stores:0:AllowBasicOverHttp"] = "true",
        ["Nexus:Sandbox:Stores:0:RateLimitPerMinute"] = "120",
        ["Nexus:Sandbox:Stores:0:FaultRate"] = "0.1",
        ["Nexus:Sandbox:Stores:0:FaultKinds:0"] = "TruncatedJson",
        ["Nexus:Sandbox:Stores:0:DefectRate"] = "0",
        ["Nexus:Sandbox:Stores:0:Defects:InvalidEmail"] = "0.25",
        ["Nexus:Sandbox:Stores:0:StartUtc"] = "2026-03-01T00:00:00Z",
    }).Build();

    [Fact]
    public void AddSandbox_binds_stores_and_knobs_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(SandboxServer.Start));
        services.AddSandbox(Config(enabled: true));
        var registry = services.BuildServiceProvider().GetRequiredService<SandboxStoreRegistry>();

        var host = registry.Find("woocommerce", "demo-woo");
        Assert.NotNull(host);
        Assert.Equal(99, host.Options.Seed);
        Assert.Equal(SizeProfile.Small, host.Options.Size);
        Assert.Equal(120, host.RateLimiter.PerMinute);
        Assert.Equal([FaultKind.TruncatedJson], host.Options.FaultKinds);
        var rates = host.Store.GroundTruth.Rates;
        Assert.Equal(0.25, rates[DefectKind.InvalidEmail]);
        Assert.Equal(0, rates[DefectKind.DuplicateSku]);
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), host.Store.Current.NowUtc);
    }

    [Fact]
    public void Disabled_sandbox_registers_no_stores()
    {
        var services = new ServiceCollection();
        services.AddSandbox(Config(enabled: false));
        Assert.Empty(services.BuildServiceProvider().GetRequiredService<SandboxStoreRegistry>().All);
    }

    [Fact]
    public async Task Unknown_store_is_a_rest_no_route_404()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("known"));
        using var response = await server.GetBasicAsync(SandboxServer.ApiPath("unknown", "orders"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("rest_no_route", (await SandboxServer.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task System_status_reports_the_store_currency()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("st"));
        using var response = await server.GetBasicAsync(SandboxServer.ApiPath("st", "system_status"));
        var json = await SandboxServer.JsonAsync(response);
        Assert.Equal(server.Registry.Find("woocommerce", "st")!.Store.Settings.Currency,
            json.GetProperty("settings").GetProperty("currency").GetString());
    }

    [Fact]
    public void Benchmark_hook_renders_every_order_into_pages()
    {
        var result = SandboxBenchmark.GenerateOrderPages(seed: 4, size: SizeProfile.Tiny, perPage: 25, startUtc: SandboxServer.Start.UtcDateTime);
        var store = GenerationTests.Store(4);
        Assert.Equal(store.Current.OrderCount, result.Orders);
        Assert.Equal((result.Orders + 24) / 25, result.Pages);
        Assert.Equal(Enumerable.Range(0, store.Current.OrderCount).Sum(i => store.Order(store.Current, i).LineItems.Count), result.LineItems);
        Assert.True(result.JsonBytes > result.Orders * 1000);
    }
}
