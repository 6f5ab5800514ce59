using Microsoft.Extensions.DependencyInjection;
using Nexus.Benchmarks.Analytics;
using Nexus.Benchmarks.Csv;
using Nexus.Benchmarks.Mapping;
using Nexus.Benchmarks.Sandbox;
using Nexus.Benchmarks.Sync;

namespace Nexus.Benchmarks;

/// <summary>The benchmarks <c>bench</c> knows. Adding one is one line in <see cref="Types"/>.</summary>
/// <remarks>
/// A list of types rather than DI registrations so the catalogue lives in one file and needs no change to the
/// app's composition root; instances are still built from the host's services, so a benchmark that needs
/// e.g. the sync engine or a DbContext factory simply asks for it in its constructor.
/// </remarks>
public static class BenchmarkRegistry
{
    /// <summary>Every benchmark type, in the order <c>bench list</c> shows them.</summary>
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(AnalyticsBenchmark),
        typeof(OverviewBenchmark),
        typeof(Quality.QualityBenchmark),
        typeof(MapWooCommerceBenchmark),
        typeof(MapMagentoBenchmark),
        typeof(MapShopifyBenchmark),
        typeof(SandboxGenerationBenchmark),
        typeof(SyncBenchmark),
        typeof(SyncBudgetBenchmark),
        typeof(Forecasting.ForecastBenchmark),
        typeof(CsvParseBenchmark),
        typeof(ImportCsvBenchmark),
        typeof(Monitoring.HealthBenchmark),
        typeof(Products.ProductsBenchmark),
    ];

    /// <summary>Instantiates every registered benchmark (constructors must be cheap: no work before <see cref="IBenchmark.RunAsync"/>).</summary>
    public static IReadOnlyList<IBenchmark> Create(IServiceProvider services) =>
        Types.Select(t => (IBenchmark)ActivatorUtilities.CreateInstance(services, t)).ToList();
}
