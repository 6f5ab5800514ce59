using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polly;
using Polly.Registry;
using Polly.Telemetry;

namespace Nexus.Core.Resilience;

public static class ConnectorHttpServiceCollectionExtensions
{
    /// <summary>The one named HttpClient every connector uses.</summary>
    public const string HttpClientName = "connectors";

    /// <summary>
    /// The shared connector HTTP stack: per-store budgets, the "connector-http" resilience pipeline (registered with
    /// <c>AddResiliencePipeline</c>, telemetry on, retries counted by <see cref="ConnectorTelemetryListener"/>) and a named
    /// HttpClient without its own timeout (the pipeline times requests). Idempotent; every platform's AddX() calls it.
    /// </summary>
    public static IServiceCollection AddConnectorHttp(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ConnectorPipelineFactory))) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestBudgetRegistry>();
        services.AddResiliencePipelineRegistry(ConnectorPipelineFactory.RegistryOptions);
        services.AddResiliencePipeline<ConnectorPipelineKey, HttpResponseMessage>(ConnectorPipelineKey.For("", 0), (builder, context) =>
            ConnectorPipelineFactory.Configure(builder, context.ServiceProvider.GetRequiredService<ConnectorPipelineFactory>().OptionsFor(context.PipelineKey),
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
        services.AddOptions<TelemetryOptions>().Configure(o => o.TelemetryListeners.Add(new ConnectorTelemetryListener()));
        services.AddSingleton(sp => new ConnectorPipelineFactory(sp.GetRequiredService<ResiliencePipelineProvider<ConnectorPipelineKey>>()));
        services.AddOptions<NetworkAccessOptions>();
        services.TryAddSingleton<PrivateAddressGuard>();
        // SSRF guard on every connection (DNS rebinding included) and no automatic redirects: see PrivateAddressGuard.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<PrivateAddressGuard>().CreateHandler());
        return services;
    }
}
