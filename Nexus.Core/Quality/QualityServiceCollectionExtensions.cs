using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Quality.Scoring;

namespace Nexus.Core.Quality;

public static class QualityServiceCollectionExtensions
{
    /// <summary>The quality gate the sync runs every page through, re-validation, and the report card's query.</summary>
    public static IServiceCollection AddQuality(this IServiceCollection services)
    {
        services.TryAddSingleton(QualityEngine.Default);
        services.TryAddSingleton<QualitySnapshotWriter>();
        services.TryAddSingleton<IRecordQualityGate, QualityGate>();
        services.TryAddSingleton<QualityRevalidator>();
        services.TryAddSingleton<QualityReportQuery>();
        return services;
    }
}
