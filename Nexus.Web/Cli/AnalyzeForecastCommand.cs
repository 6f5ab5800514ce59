using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Sales;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>analyze forecast --series FILE.csv --horizon H --frequency F [--seasonality M] [--output FORECASTS.csv] [--json]</c>
/// forecasts every series of an M-competition "wide" file; <c>analyze forecast (--store ID | --all) --metric revenue|orders
/// --frequency F --horizon H [--owner EMAIL] --json</c> forecasts a synced store's sales. Rows that cannot be read are
/// reported on stderr with their line and the others are still forecast (exit 1 then, after writing the output).
/// </summary>
internal static class AnalyzeForecastCommand
{
    public static Command Create()
    {
        var series = new Option<string?>("--series") { Description = "Wide CSV: header row, then id and observations per row (trailing empty cells ignored).", HelpName = "FILE.csv" };
        var horizon = new Option<int>("--horizon") { Description = "Steps ahead to forecast.", Required = true };
        horizon.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--horizon must be at least 1"); });
        var frequency = new Option<ForecastFrequency>("--frequency") { Description = "daily, weekly, monthly, quarterly or yearly.", Required = true };
        var seasonality = new Option<int?>("--seasonality") { Description = "Season length in steps (default: 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly).", HelpName = "M" };
        seasonality.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--seasonality must be at least 1 (1 = no season)"); });
        var output = new Option<string?>("--output") { Description = "Write the forecasts in the same wide layout (header, then id and H forecasts).", HelpName = "FORECASTS.csv" };
        var json = new Option<bool>("--json") { Description = "Print model, intervals and backtest scores per series as JSON on stdout." };
        var store = new Option<int?>("--store") { Description = "Forecast a synced store's sales (ops use: found by id across tenants).", HelpName = "ID" };
        var all = new Option<bool>("--all") { Description = "Forecast the sales of all stores of one tenant (needs --owner when several tenants exist)." };
        var metric = new Option<SalesMetric>("--metric") { Description = "With --store/--all: revenue or orders.", DefaultValueFactory = _ => SalesMetric.Revenue };
        var owner = new Option<string?>("--owner") { Description = "With --store/--all: the e-mail of the tenant's user; the store must belong to that tenant.", HelpName = "EMAIL" };
        var command = new Command("forecast", "Automatic forecasts (ETS, Theta, ARIMA, gradient boosting, combinations) chosen by rolling-origin backtest.")
        {
            series, horizon, frequency, seasonality, output, json, store, all, metric, owner,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ForecastOptions(parse.GetValue(horizon), parse.GetValue(frequency), parse.GetValue(seasonality));
            var path = parse.GetValue(series);
            var storeId = parse.GetValue(store);
            var allStores = parse.GetValue(all);
            if ((path is not null ? 1 : 0) + (storeId is not null ? 1 : 0) + (allStores ? 1 : 0) != 1)
            {
                Console.Error.WriteLine("error: give exactly one of --series FILE.csv, --store ID or --all");
                return AnalyzeCommand.ExitUsage;
            }
            if (path is not null) return RunFile(path, options, parse.GetValue(output), parse.GetValue(json), cancellationToken);
            return await StoreForecastCli.RunAsync(storeId, parse.GetValue(metric), parse.GetValue(owner), options, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static int RunFile(string path, ForecastOptions options, string? outputPath, bool json, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: series file '{path}' not found");
            return AnalyzeCommand.ExitBadInput;
        }
        WideSeriesFile file;
        try
        {
            using var reader = new StreamReader(path);
            file = WideSeriesCsv.Read(reader, AutoForecaster.MinimumObservations);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot read '{path}': {e.Message}");
            return AnalyzeCommand.ExitBadInput;
        }
        foreach (var error in file.Errors) Console.Error.WriteLine($"error: {path} {error}");
        Console.Error.WriteLine($"{file.Series.Count:N0} series read from {path}; forecasting {options.Horizon} steps ({options.Frequency.ToString().ToLowerInvariant()}, season {options.Period})…");

        var results = new ForecastResult?[file.Series.Count];
        var failures = new string?[file.Series.Count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var gate = new object();
        Parallel.For(0, file.Series.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var s = file.Series[i];
            try
            {
                results[i] = AutoForecaster.Forecast(s.Values, options);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException or Core.Analytics.InsufficientDataException)
            {
                failures[i] = $"line {s.Line} (series {s.Id}): could not be forecast: {e.Message}";
            }
            var finished = Interlocked.Increment(ref done);
            lock (gate)
            {
                if (clock.Elapsed - lastReport < TimeSpan.FromSeconds(2) && finished != file.Series.Count) return;
                lastReport = clock.Elapsed;
                var rate = finished / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                Console.Error.WriteLine($"  {finished:N0}/{file.Series.Count:N0} series ({100.0 * finished / Math.Max(1, file.Series.Count):F0} %), {rate:F1} series/s");
            }
        });
        foreach (var failure in failures.Where(f => f is not null)) Console.Error.WriteLine($"error: {path} {failure}");

        var forecasted = file.Series.Select((s, i) => (s, r: results[i])).Where(p => p.r is not null).ToList();
        if (outputPath is not null)
        {
            using var writer = new StreamWriter(outputPath);
            WideSeriesCsv.Write(writer, options.Horizon, forecasted.Select(p => (p.s.Id, p.r!.Path.Mean)));
            Console.Error.WriteLine($"wrote {forecasted.Count:N0} forecasts to {outputPath}");
        }
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                series = path,
                horizon = options.Horizon,
                frequency = options.Frequency,
                seasonalPeriod = options.Period,
                forecasts = forecasted.Select(p => ForecastJson.Of(p.s.Id, p.s.Line, p.r!)),
                errors = file.Errors.Select(e => new { line = e.Line, id = e.Id, message = e.Message })
                    .Concat(file.Series.Select((s, i) => (s, f: failures[i])).Where(p => p.f is not null).Select(p => new { line = p.s.Line, id = (string?)p.s.Id, message = p.f! })),
            }, CliJson.Options));
        else if (outputPath is null)
            WideSeriesCsv.Write(Console.Out, options.Horizon, forecasted.Select(p => (p.s.Id, p.r!.Path.Mean)));

        var failed = file.Errors.Count + failures.Count(f => f is not null);
        Console.Error.WriteLine($"{forecasted.Count:N0} series forecast in {clock.Elapsed.TotalSeconds:F1} s{(failed > 0 ? $"; {failed:N0} row(s) had errors (see above)" : "")}");
        return failed > 0 ? AnalyzeCommand.ExitBadInput : 0;
    }
}

/// <summary>The JSON shape of one forecast, shared by the file and store modes.</summary>
internal static class ForecastJson
{
    public static object Of(string id, int? line, ForecastResult r) => new
    {
        id,
        line,
        model = r.Model,
        description = r.Description,
        seasonalPeriod = r.SeasonalPeriod,
        seasonalityDetected = r.SeasonalityDetected,
        forecast = r.Path.Mean,
        lower80 = r.Path.Lower80,
        upper80 = r.Path.Upper80,
        lower95 = r.Path.Lower95,
        upper95 = r.Path.Upper95,
        intervalSource = r.IntervalSource,
        backtest = new
        {
            smape = r.ChosenScore?.Smape,
            mase = r.ChosenScore?.Mase,
            coverage95 = r.ChosenScore?.Coverage95,
            origins = r.Backtest,
        },
        candidates = r.Candidates,
    };
}
