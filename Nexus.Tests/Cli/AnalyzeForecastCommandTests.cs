using System.Globalization;
using System.Text.Json;
using Nexus.Benchmarks.Forecasting;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary>The <c>analyze forecast --series</c> contract: wide file in, wide file (or JSON) out, bad rows named and skipped.</summary>
[Collection(HostCollection.Name)]
public sealed class AnalyzeForecastCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteSeries(params string[] rows)
    {
        var path = _folder.File("series.csv");
        File.WriteAllLines(path, new[] { "\"V1\",\"V2\",\"V3\"" }.Concat(rows));
        return path;
    }

    private static string Row(string id, IEnumerable<double> values, int trailingEmpty = 0) =>
        $"\"{id}\"," + string.Join(",", values.Select(v => $"\"{v.ToString("R", CultureInfo.InvariantCulture)}\"")) + new string(',', trailingEmpty);

    [Fact]
    public async Task Output_has_a_header_and_the_id_and_H_forecasts_per_series_in_input_order()
    {
        var path = WriteSeries(Row("W1", SyntheticWeeklySeries.Generate(120, 1), trailingEmpty: 30), Row("W2", SyntheticWeeklySeries.Generate(150, 2)));
        var output = _folder.File("forecasts.csv");

        var result = await CliRun.RunAsync("analyze", "forecast", "--series", path, "--horizon", "13", "--frequency", "weekly", "--output", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = File.ReadAllLines(output);
        Assert.Equal("id,F1,F2,F3,F4,F5,F6,F7,F8,F9,F10,F11,F12,F13", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("W1,", lines[1]);
        Assert.StartsWith("W2,", lines[2]);
        Assert.All(lines.Skip(1), l => Assert.Equal(14, l.Split(',').Length));
        Assert.All(lines.Skip(1).SelectMany(l => l.Split(',').Skip(1)), v => Assert.True(double.Parse(v, CultureInfo.InvariantCulture) > 0));
        Assert.Contains("2 series read", result.Error);
    }

    [Fact]
    public async Task Bad_rows_are_named_by_line_on_stderr_and_the_other_series_are_still_forecast()
    {
        var good = SyntheticWeeklySeries.Generate(80, 3);
        var path = WriteSeries("\"bad\",\"1\",\"two\",\"3\",\"4\",\"5\",\"6\"", Row("good", good), "\"short\",\"1\",\"2\"");
        var output = _folder.File("forecasts.csv");

        var result = await CliRun.RunAsync("analyze", "forecast", "--series", path, "--horizon", "4", "--frequency", "weekly", "--output", output, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2 (series bad): value 2 (column 3) is 'two', not a number", result.Error);
        Assert.Contains("line 4 (series short): the series has 2 observations; at least 5 are needed", result.Error);
        var lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("good,", lines[1]);

        var json = JsonDocument.Parse(result.Out).RootElement;
        var forecast = Assert.Single(json.GetProperty("forecasts").EnumerateArray());
        Assert.Equal("good", forecast.GetProperty("id").GetString());
        Assert.Equal(4, forecast.GetProperty("upper95").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(forecast.GetProperty("model").GetString()));
        Assert.True(forecast.GetProperty("backtest").GetProperty("mase").GetDouble() > 0);
        Assert.True(forecast.GetProperty("candidates").GetArrayLength() > 5);
        Assert.Equal(2, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task A_header_only_file_is_an_error_and_nothing_is_forecast()
    {
        var path = WriteSeries();

        var result = await CliRun.RunAsync("analyze", "forecast", "--series", path, "--horizon", "3", "--frequency", "monthly");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1: the file has a header row but no series below it", result.Error);
        Assert.Equal("id,F1,F2,F3", result.Out.Trim());
    }

    [Fact]
    public async Task Seasonality_option_and_usage_errors()
    {
        var path = WriteSeries(Row("M1", Enumerable.Range(0, 48).Select(t => 100 + 20 * Math.Sin(2 * Math.PI * t / 6))));

        var seasonal = await CliRun.RunAsync("analyze", "forecast", "--series", path, "--horizon", "6", "--frequency", "monthly", "--seasonality", "6", "--json");
        var both = await CliRun.RunAsync("analyze", "forecast", "--series", path, "--all", "--horizon", "6", "--frequency", "monthly");
        var missing = await CliRun.RunAsync("analyze", "forecast", "--series", _folder.File("nope.csv"), "--horizon", "6", "--frequency", "monthly");

        Assert.True(seasonal.ExitCode == 0, seasonal.Error);
        Assert.Equal(6, JsonDocument.Parse(seasonal.Out).RootElement.GetProperty("seasonalPeriod").GetInt32());
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("exactly one of", both.Error);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("not found", missing.Error);
    }
}
