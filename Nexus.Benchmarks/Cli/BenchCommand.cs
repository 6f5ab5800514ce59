using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Benchmarks.Monitoring;
using Nexus.Web.Cli;

namespace Nexus.Benchmarks.Cli;

/// <summary>
/// <c>bench list</c> / <c>bench &lt;name&gt; [--size N] [--json]</c> (<c>./nexus bench …</c>, or
/// <c>dotnet run --project Nexus.Benchmarks -- &lt;name&gt; …</c>): runs one benchmark from <see cref="BenchmarkRegistry"/>
/// and prints each figure with the baseline measured in the same run. Progress goes to stderr.
/// </summary>
/// <remarks>
/// Benchmarks run in the same host as the app's verbs (<see cref="NexusCli.BuildHost"/>: configuration, data folder,
/// services), plus the one service only a benchmark needs: the real web app as <c>bench health</c>'s target.
/// </remarks>
internal static class BenchCommand
{
    public static Task<int> RunAsync(string[] args) => Create().Parse(args).InvokeAsync();

    public static RootCommand Create()
    {
        var name = new Argument<string>("name") { Description = "Benchmark to run, or 'list' to show them all." };
        var size = new Option<int?>("--size", "--customers", "--orders") { Description = "Workload size in the benchmark's main unit (analytics: customers; map-woocommerce, sandbox, sync: orders; sync-budget: seconds).", HelpName = "N" };
        size.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--size must be positive"); });
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new RootCommand("Nexus benchmarks; each prints its figures and the baseline measured in the same run.") { name, size, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = NexusCli.BuildHost(services => services.AddSingleton<IHealthBenchmarkTarget, WebHealthBenchmarkTarget>());
            var benchmarks = BenchmarkRegistry.Create(host.Services);
            var requested = parse.GetValue(name)!;
            if (requested == "list")
            {
                Console.Out.Write(parse.GetValue(json)
                    ? JsonSerializer.Serialize(benchmarks.Select(b => new { b.Name, b.Description }), CliJson.Options) + Environment.NewLine
                    : string.Concat(benchmarks.Select(b => $"{b.Name,-20} {b.Description}{Environment.NewLine}")));
                return 0;
            }
            var benchmark = benchmarks.FirstOrDefault(b => string.Equals(b.Name, requested, StringComparison.OrdinalIgnoreCase));
            if (benchmark is null)
            {
                Console.Error.WriteLine($"error: no benchmark '{requested}'; known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
                return AnalyzeCommand.ExitUsage;
            }

            var result = await benchmark.RunAsync(new BenchmarkOptions(parse.GetValue(size), new StderrProgress()), cancellationToken);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, CliJson.Options) + Environment.NewLine
                : Human(result));
            return 0;
        });
        return command;
    }

    private static string Human(BenchmarkResult result)
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        Line($"bench {result.Name}: {result.Workload}");
        Line($"{"figure",-36} {"value",14} {"baseline",14} {"ratio",8}  unit");
        foreach (var f in result.Figures)
        {
            var baseline = f.Baseline is { } b ? Format(b) : "";
            var ratio = f.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×" : "";
            Line($"{f.Name,-36} {Format(f.Value),14} {baseline,14} {ratio,8}  {f.Unit}");
        }
        var baselineNames = result.Figures.Select(f => f.BaselineName).OfType<string>().Distinct().ToList();
        if (baselineNames.Count > 0) Line($"baseline = {string.Join("; ", baselineNames)}, measured in the same run on the same data");
        foreach (var note in result.Notes) text.AppendLine(note);
        return text.ToString();
    }

    private static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 1000 ? "N0" : "G4", CultureInfo.InvariantCulture);

    /// <summary>Writes progress synchronously (Progress&lt;T&gt; would post to a thread-pool and could interleave with stdout).</summary>
    private sealed class StderrProgress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}
