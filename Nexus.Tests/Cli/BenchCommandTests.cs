using System.Text.Json;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

[Collection(HostCollection.Name)]
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    // The bench verb builds a host; point it at a scratch data folder so it never touches a real one.
    public BenchCommandTests() => Environment.SetEnvironmentVariable("Nexus__DataFolder", _folder.Path);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Nexus__DataFolder", null);
        _folder.Dispose();
    }

    [Fact]
    public async Task List_names_the_analytics_benchmark()
    {
        var result = await CliRun.BenchAsync("list", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var names = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(b => b.GetProperty("name").GetString());
        Assert.Contains("analytics", names);
    }

    [Fact]
    public async Task Analytics_at_small_size_reports_positive_figures_against_a_same_run_baseline()
    {
        var result = await CliRun.BenchAsync("analytics", "--size", "300", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("analytics", json.GetProperty("name").GetString());
        Assert.StartsWith("300 customers", json.GetProperty("workload").GetString());
        var figures = json.GetProperty("figures").EnumerateArray().ToList();
        Assert.Contains(figures, f => f.GetProperty("name").GetString() == "RFM scoring");
        Assert.Contains(figures, f => f.GetProperty("name").GetString() == "CLV fit + scoring");
        Assert.All(figures, f => Assert.True(f.GetProperty("value").GetDouble() > 0, f.ToString()));
        var withBaseline = figures.Where(f => f.GetProperty("baseline").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(4, withBaseline.Count);
        Assert.All(withBaseline, f =>
        {
            Assert.True(f.GetProperty("baseline").GetDouble() > 0, f.ToString());
            Assert.Equal(f.GetProperty("value").GetDouble() / f.GetProperty("baseline").GetDouble(), f.GetProperty("ratio").GetDouble(), 9);
        });
    }

    [Fact]
    public async Task Unknown_benchmark_fails_listing_the_known_ones()
    {
        var result = await CliRun.BenchAsync("no-such-bench");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("analytics", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task The_apps_bench_verb_exits_2_pointing_at_the_benchmarks_project()
    {
        var result = await CliRun.RunAsync("bench", "analytics", "--size", "300");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("./nexus bench", result.Error);
        Assert.Contains("Nexus.Benchmarks", result.Error);
        Assert.Equal("", result.Out);
    }
}
