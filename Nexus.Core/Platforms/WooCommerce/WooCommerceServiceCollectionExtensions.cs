using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;

namespace Nexus.Core.Platforms.WooCommerce;

public static class WooCommerceServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> WooCommerce connectors use (the one all connectors share).</summary>
    public const string HttpClientName = ConnectorHttpServiceCollectionExtensions.HttpClientName;

    /// <summary>
    /// Registers the WooCommerce platform: its descriptor (for <see cref="PlatformRegistry"/>), a named HttpClient
    /// without its own timeout (the resilience pipeline times requests), and the shared per-store budgets and pipelines.
    /// </summary>
    /// <param name="optionsFor">Per-store options (e.g. a store's own request budget); default options when null.</param>
    /// <remarks>Idempotent: the first call wins, so an app can call it with its options before <c>AddPlatforms()</c>.</remarks>
    public static IServiceCollection AddWooCommerce(this IServiceCollection services, Func<ConnectorTarget, WooCommerceConnectorOptions>? optionsFor = null)
    {
        if (services.Any(d => d.ServiceType == typeof(PlatformDescriptor) && d.ImplementationInstance is PlatformDescriptor { Id: WooCommerceConnector.PlatformId }))
            return services;
        services.AddConnectorHttp();
        services.AddSingleton(new PlatformDescriptor
        {
            Id = WooCommerceConnector.PlatformId,
            DisplayName = "WooCommerce",
            Icon = "M3 5h18a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-6l2 3-5-3H3a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z",
            CredentialsHelp = $"Create a key in {WooApiError.KeysPage} with Read permission; the secret is shown only once.",
            Credentials =
            [
                new CredentialField(StoreCredentials.KeyField, "Consumer key", "Starts with ck_", Pattern: @"ck_\S+", PatternHint: "it starts with ck_"),
                new CredentialField(StoreCredentials.SecretField, "Consumer secret", "Starts with cs_; shown only once when the key is created", Secret: true,
                    Pattern: @"cs_\S+", PatternHint: "it starts with cs_"),
            ],
            UrlHelp = "The store's home address, not a page or admin URL",
            IncrementalEntities = new HashSet<SyncEntity> { SyncEntity.Products, SyncEntity.Orders },
            CreateConnector = (provider, target) => Create(provider, target, optionsFor?.Invoke(target) ?? new WooCommerceConnectorOptions { RequestsPerMinute = target.RequestsPerMinute }),
        });
        return services;
    }

    private static WooCommerceConnector Create(IServiceProvider provider, ConnectorTarget target, WooCommerceConnectorOptions options)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var budget = provider.GetRequiredService<RequestBudgetRegistry>().For(WooCommerceConnector.PlatformId, target.StoreId, options.RequestsPerMinute);
        var pipeline = provider.GetRequiredService<ConnectorPipelineFactory>().For(WooCommerceConnector.PlatformId, target.StoreId, options.Resilience);
        return new WooCommerceConnector(http, target, options, time, budget, pipeline);
    }
}
