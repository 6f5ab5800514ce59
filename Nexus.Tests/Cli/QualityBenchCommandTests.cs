using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

[Collection(HostCollection.Name)]
public sealed class QualityBenchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public QualityBenchCommandTests() => Environment.SetEnvironmentVariable("Nexus__DataFolder", _folder.Path);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Nexus__DataFolder", null);
        _folder.Dispose();
    }

    [Fact]
    public async Task Bench_quality_prints_precision_and_recall_per_defect_kind_and_both_throughputs()
    {
        var result = await CliRun.BenchAsync("quality", "--size", "500", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var figures = JsonDocument.Parse(result.Out).RootElement.GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f);
        foreach (var kind in Enum.GetValues<DefectKind>())
        {
            Assert.InRange(figures[$"{kind} precision"].GetProperty("value").GetDouble(), 0, 1);
            Assert.InRange(figures[$"{kind} recall"].GetProperty("value").GetDouble(), 0, 1);
        }
        Assert.True(figures["sync without quality (best)"].GetProperty("value").GetDouble() > 0);
        var with = figures["sync with quality (best)"];
        Assert.True(with.GetProperty("value").GetDouble() > 0);
        Assert.Equal(figures["sync without quality (best)"].GetProperty("value").GetDouble(), with.GetProperty("baseline").GetDouble());
    }
}
